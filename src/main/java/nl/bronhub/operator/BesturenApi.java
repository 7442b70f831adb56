package nl.bronhub.operator;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.portaal.PortaalAccounts;
import nl.bronhub.portaal.PortaalSessies;
import nl.bronhub.registratie.AanleverpuntRegister;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API: the besturen (boards) the aanleverpunten name, by bestuursnummer, with their portal
 * accounts; and a board's wachtwoordbrief. Which schools a board sees is set on the aanleverpunten
 * (bestuurNummer), not here.
 */
@RestController
@RequestMapping("/operator/besturen")
@Tag(name = "besturen", description = "Besturen en hun wachtwoordbrief voor het dashboard in Mijn BRON")
public class BesturenApi {

    /** A board: its number and name, its schools, and its portal account (null: no wachtwoordbrief yet). */
    public record Bestuur(String nummer, String naam, List<String> scholen, PortaalAccounts.Staat portaalaccount) {
    }

    private final AanleverpuntRegister register;
    private final PortaalAccounts accounts;
    private final PortaalSessies sessies;

    public BesturenApi(AanleverpuntRegister register, PortaalAccounts accounts, PortaalSessies sessies) {
        this.register = register;
        this.accounts = accounts;
        this.sessies = sessies;
    }

    @GetMapping
    @Operation(summary = "Alle besturen die een aanleverpunt noemt, met hun scholen en portaalaccount")
    public List<Bestuur> alle() {
        return register.besturen().stream().map(b -> new Bestuur(b.nummer(), b.naam(), b.scholen(), accounts.staat(b.nummer()).orElse(null)))
                .toList();
    }

    @GetMapping("/{nummer}")
    @Operation(summary = "Eén bestuur")
    public Bestuur een(@PathVariable String nummer) {
        return register.bestuur(nummer).map(b -> new Bestuur(b.nummer(), b.naam(), b.scholen(), accounts.staat(b.nummer()).orElse(null)))
                .orElseThrow(() -> geenBestuur(nummer));
    }

    /**
     * A new portal password for the board (its wachtwoordbrief), shown this once; the board's other sessions
     * end. Only for a number an aanleverpunt names: a letter for no school's board would be a typo's.
     */
    @PostMapping("/{nummer}/portaalwachtwoord")
    @Operation(summary = "Maakt een nieuwe wachtwoordbrief voor het bestuur; het wachtwoord wordt alleen nu getoond")
    public Map<String, String> portaalwachtwoord(@PathVariable String nummer) {
        if (register.besturen().stream().noneMatch(b -> b.nummer().equals(nummer))) {
            throw geenBestuur(nummer);
        }
        String wachtwoord = accounts.nieuwWachtwoord(nummer);
        sessies.beeindig(nummer, null);
        return Map.of("bestuurNummer", nummer, "wachtwoord", wachtwoord);
    }

    /** The 404; the path's value is repeated only when it has the form of a bestuursnummer (it may be anything else). */
    private static OperatorFouten.NietGevonden geenBestuur(String nummer) {
        return new OperatorFouten.NietGevonden(nummer != null && PortaalAccounts.BESTUURSNUMMER.matcher(nummer).matches()
                ? "bestuur " + nummer : "bestuur");
    }
}
