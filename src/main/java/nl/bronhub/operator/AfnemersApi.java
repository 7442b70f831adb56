package nl.bronhub.operator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.afnemers.AfnemerBestanden;
import nl.bronhub.afnemers.AfnemerSpoor;
import nl.bronhub.afnemers.Afnemers;
import nl.bronhub.afnemers.Leveringen;
import nl.bronhub.afnemers.Leveringsoort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API: the afnemer register (who receives which kinds of delivery), the secret each signs in with (made by
 * the hub, shown once), and the afnemers' audit trail.
 */
@RestController
@RequestMapping("/operator")
@Tag(name = "afnemers", description = "Afnemers van geaggregeerde leveringen (OCW, Inspectie, CBS, gemeenten): wie, welke levering, en hun auditspoor")
public class AfnemersApi {

    /** What the operator sends: the afnemer's name and the kinds it may receive (gtb, register). */
    public record Afnemerinvoer(String naam, List<String> leveringen) {
    }

    public record Geheim(String afnemer, String geheim) {
    }

    private final Afnemers afnemers;
    private final AfnemerSpoor spoor;
    private final AfnemerBestanden bestanden;
    private final Leveringen leveringen;

    public AfnemersApi(Afnemers afnemers, AfnemerSpoor spoor, AfnemerBestanden bestanden, Leveringen leveringen) {
        this.afnemers = afnemers;
        this.spoor = spoor;
        this.bestanden = bestanden;
        this.leveringen = leveringen;
    }

    @GetMapping("/afnemers")
    @Operation(summary = "De afnemers, op code")
    public List<Afnemers.Afnemer> alle() {
        return afnemers.alle();
    }

    @GetMapping("/afnemers/{code}")
    @Operation(summary = "Een afnemer: naam, leveringen en of er een geheim is gemaakt")
    public Afnemers.Afnemer een(@PathVariable String code) {
        return afnemers.zoek(code).orElseThrow(() -> new OperatorFouten.NietGevonden("deze afnemer"));
    }

    @PutMapping("/afnemers/{code}")
    @Operation(summary = "Registreert of wijzigt een afnemer; leveringen vervangt wat hij mag ontvangen (gtb, register)")
    public Afnemers.Afnemer bewaar(@PathVariable String code, @RequestBody Afnemerinvoer invoer) {
        return afnemers.bewaar(code, invoer.naam(), invoer.leveringen());
    }

    @DeleteMapping("/afnemers/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Verwijdert een afnemer: hij kan niet meer inloggen (zijn auditregels blijven)")
    public ResponseEntity<Void> verwijder(@PathVariable String code) {
        if (!afnemers.verwijder(code)) {
            throw new OperatorFouten.NietGevonden("deze afnemer");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/afnemers/{code}/geheim")
    @Operation(summary = "Maakt een nieuw geheim voor de afnemer (eenmalig getoond; het vorige werkt meteen niet meer)")
    public Geheim geheim(@PathVariable String code) {
        return new Geheim(code, afnemers.nieuwGeheim(code).orElseThrow(() -> new OperatorFouten.NietGevonden("deze afnemer")));
    }

    @PostMapping("/afnemers/{code}/bestanden/{soort}")
    @Operation(summary = "Schrijft een levering als CSV-bestand in de map van de afnemer (bron.afnemers.bestanden/{code}/{soort}-{peildatum}.csv)")
    public AfnemerBestanden.Geschreven bestand(@PathVariable String code, @PathVariable String soort, @RequestParam String peildatum)
            throws IOException {
        Afnemers.Afnemer afnemer = een(code);
        Leveringsoort s = Leveringsoort.van(soort)
                .orElseThrow(() -> new OngeldigeInvoer("soort", "soort moet een van " + Arrays.stream(Leveringsoort.values())
                        .map(Leveringsoort::naam).toList() + " zijn"));
        if (!afnemer.leveringen().contains(s.naam())) {
            throw new OperatorFouten.Conflict("deze afnemer is niet geregistreerd voor deze soort levering");
        }
        LocalDate d = leveringen.peildatum(peildatum);
        if (!bestanden.aan()) {
            throw new OperatorFouten.Conflict("er is geen map voor leveringen als bestand ingesteld (bron.afnemers.bestanden)");
        }
        return bestanden.schrijf(afnemer.code(), s, d);
    }

    @GetMapping("/audit/afnemers")
    @Operation(summary = "Het auditspoor van de afnemers, nieuwste eerst: elke levering en elke weigering (aantal: 1 tot 1000)")
    public List<AfnemerSpoor.Regel> audit(@RequestParam(required = false) String afnemer, @RequestParam(defaultValue = "100") int aantal) {
        if (aantal < 1 || aantal > 1000) {
            throw new OngeldigeInvoer("aantal", "aantal moet tussen 1 en 1000 liggen");
        }
        if (afnemer != null && !Afnemers.CODE.matcher(afnemer).matches()) {
            throw new OngeldigeInvoer("afnemer", "afnemer moet een code van een afnemer zijn");
        }
        return spoor.lees(afnemer, aantal);
    }
}
