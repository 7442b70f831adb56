package nl.bronhub.operator;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.portaal.PortaalAccounts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API: the client addresses the portal's sign-in has locked for every name (too many failures for one name
 * after another), and lifting an address's locks when a school's office calls the helpdesk. A new wachtwoordbrief
 * lifts a name's locks, never an address's. The address travels in the body, not the path, as an address may be
 * personal data.
 */
@RestController
@RequestMapping("/operator/portaal/adresblokkades")
@Tag(name = "portaal", description = "Blokkades van het inloggen op Mijn BRON per internetadres")
public class PortaalBlokkadesApi {

    /** Which address to lift the locks of: as the list shows it, or the school's address itself. */
    public record Opheffing(String adres) {
    }

    private final PortaalAccounts accounts;

    public PortaalBlokkadesApi(PortaalAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "De internetadressen die nu voor elk account geblokkeerd zijn (een IPv6-adres als zijn /64), met tot wanneer")
    public List<PortaalAccounts.AdresBlokkade> alle() {
        return accounts.adresBlokkades();
    }

    @PostMapping("/opheffen")
    @Operation(summary = "Heft de blokkades van één internetadres op: die voor elk account en die per account, met hun tellingen")
    public Map<String, Object> hefOp(@RequestBody Opheffing opheffing) {
        if (opheffing == null || opheffing.adres() == null || opheffing.adres().isBlank() || opheffing.adres().length() > 64
                || !opheffing.adres().matches("[0-9A-Fa-f:./\\[\\]]+")) {
            throw new OngeldigeInvoer("adres", "adres: een IPv4- of IPv6-adres, of een adres zoals de lijst het toont");
        }
        if (accounts.hefAdresBlokkadeOp(opheffing.adres()) == 0) {
            throw new OperatorFouten.NietGevonden("een telling of blokkade voor dit adres");
        }
        return Map.of("opgeheven", true);
    }
}
