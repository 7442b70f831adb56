package nl.bronhub.portaal;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import nl.bronhub.OngeldigeInvoer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Choosing one's own password, the same for a school and a board (their pages differ only in the menu around
 * the form): a refused choice shows the form again with the reason; a new password ends the account's other
 * sessions.
 */
@Component
class WachtwoordKeuze {

    private final PortaalAccounts accounts;
    private final PortaalSessies sessies;

    WachtwoordKeuze(PortaalAccounts accounts, PortaalSessies sessies) {
        this.accounts = accounts;
        this.sessies = sessies;
    }

    /** The form; the caller has put the account's menu in the model. */
    String formulier(Model model) {
        model.addAttribute("minLengte", accounts.minLengte());
        model.addAttribute("minVerschillend", PortaalAccounts.MIN_VERSCHILLEND);
        return "portaal/wachtwoord";
    }

    /** {@code opnieuw}: the form again, with the account's menu. */
    String kies(String account, String huidig, String nieuw, String herhaling, HttpServletRequest verzoek, Model model,
                RedirectAttributes doorgeven, Supplier<String> opnieuw) {
        try {
            accounts.kiesWachtwoord(account, verzoek.getRemoteAddr(), huidig, nieuw, herhaling);
        } catch (OngeldigeInvoer fout) {
            model.addAttribute("fout", fout.getMessage());
            return opnieuw.get();
        }
        sessies.beeindig(account, verzoek.getSession().getId());
        // and this session goes on under a new id: one that was seen with the old password is worth nothing now
        verzoek.changeSessionId();
        doorgeven.addFlashAttribute("melding", "Uw nieuwe wachtwoord is opgeslagen. Gebruik het voortaan om in te loggen.");
        return "redirect:/portaal/" + account + "/wachtwoord";
    }
}
