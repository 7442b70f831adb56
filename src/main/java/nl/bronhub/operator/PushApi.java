package nl.bronhub.operator;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.audit.AuditSpoor;
import nl.bronhub.terugkoppeling.PushAdressen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API: the push endpoint of an aanleverpunt (registered on the vendor's request), and how delivery stands.
 * Each change, and each refused one, goes into the audit trail; a refused address stores nothing.
 */
@RestController
@RequestMapping("/operator")
@Tag(name = "push", description = "Pushlevering van terugkoppelingen aan een eindpunt van de LAS: registreren, tonen, verwijderen, stand")
public class PushApi {

    private static final Logger LOG = LoggerFactory.getLogger(PushApi.class);

    /** What the operator sends: the endpoint's https:// address. */
    public record Pushinvoer(String adres) {
    }

    private final PushAdressen adressen;
    private final AuditSpoor audit;

    public PushApi(PushAdressen adressen, AuditSpoor audit) {
        this.adressen = adressen;
        this.audit = audit;
    }

    @GetMapping("/push")
    @Operation(summary = "Alle geregistreerde push-eindpunten met hun stand (laatst afgeleverd, wachtend, laatste fout, volgende poging)")
    public List<PushAdressen.Stand> alle() {
        return adressen.alle();
    }

    @GetMapping("/aanleverpunten/{brin}/{nummer}/push")
    @Operation(summary = "Het push-eindpunt van een aanleverpunt en de stand van de levering")
    public PushAdressen.Stand een(@PathVariable String brin, @PathVariable String nummer) {
        return adressen.stand(brin, nummer).orElseThrow(() -> new OperatorFouten.NietGevonden("een push-eindpunt voor dit aanleverpunt"));
    }

    @PutMapping(value = "/aanleverpunten/{brin}/{nummer}/push", consumes = "application/json")
    @Operation(summary = "Registreert of vervangt het push-eindpunt van een aanleverpunt",
            description = "Alleen https:// zonder gebruikersnaam of wachtwoord, hoogstens 500 tekens. Een eerste registratie levert "
                    + "vanaf wat de LAS nog niet met ophalen bevestigde; een nieuw adres houdt de stand en probeert meteen.")
    public PushAdressen.Stand zet(@PathVariable String brin, @PathVariable String nummer, @RequestBody Pushinvoer invoer) {
        try {
            PushAdressen.Stand stand = adressen.registreer(brin, nummer, invoer.adres())
                    .orElseThrow(() -> OperatorFouten.geenAanleverpunt(brin, nummer));
            audit.operatorHandeling("operator:push-registreren", brin, nummer, "vastgelegd");
            LOG.info("Push endpoint registered for aanleverpunt {}/{}", stand.brin(), stand.aanleverpuntnummer());
            return stand;
        } catch (OngeldigeInvoer e) {
            audit.operatorHandeling("operator:push-registreren", brin, nummer, "geweigerd");
            throw e;
        }
    }

    @DeleteMapping("/aanleverpunten/{brin}/{nummer}/push")
    @Operation(summary = "Verwijdert het push-eindpunt: er wordt niets meer afgeleverd (ophalen gaat door als altijd)")
    public ResponseEntity<Void> verwijder(@PathVariable String brin, @PathVariable String nummer) {
        if (!adressen.verwijder(brin, nummer)) {
            throw new OperatorFouten.NietGevonden("een push-eindpunt voor dit aanleverpunt");
        }
        audit.operatorHandeling("operator:push-verwijderen", brin, nummer, "verwijderd");
        LOG.info("Push endpoint removed for aanleverpunt {}/{}", brin, nummer);
        return ResponseEntity.noContent().build();
    }
}
