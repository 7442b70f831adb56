package nl.bronhub.portaal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the portal's sign-in checks a password: a form with a field twice is refused (400, the portal's
 * page; which of the two was meant is not guessed); the sign-in waits for its client address's turn (one at a
 * time per address, so that a failure is counted before the next password is checked); and a name locked for the
 * sender's address, or any name from an address locked for all, goes back to the sign-in page as locked without
 * its password being checked (PortaalAccounts counts per name and address, and per address).
 */
final class InlogBlokkade extends OncePerRequestFilter {

    private final PortaalAccounts accounts;

    InlogBlokkade(PortaalAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest verzoek) {
        return !"POST".equals(verzoek.getMethod()) || !"/portaal/inloggen".equals(verzoek.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
            throws ServletException, IOException {
        if (verzoek.getParameterMap().values().stream().anyMatch(w -> w.length > 1)) {
            antwoord.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String adres = verzoek.getRemoteAddr();
        Optional<PortaalAccounts.Beurt> beurt = accounts.beurt(adres);
        if (beurt.isEmpty()) {
            antwoord.sendRedirect("/portaal/inloggen?" + PortaalAccounts.Uitslag.DRUK.parameter);
            return;
        }
        try (PortaalAccounts.Beurt b = beurt.get()) {
            if (accounts.adresGeblokkeerdTot(adres).isPresent()) {
                antwoord.sendRedirect("/portaal/inloggen?" + PortaalAccounts.Uitslag.ADRES_GEBLOKKEERD.parameter);
                return;
            }
            if (accounts.geblokkeerdTot(verzoek.getParameter("brin"), adres).isPresent()) {
                antwoord.sendRedirect("/portaal/inloggen?" + PortaalAccounts.Uitslag.GEBLOKKEERD.parameter);
                return;
            }
            keten.doFilter(verzoek, antwoord);
        }
    }
}
