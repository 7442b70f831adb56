package nl.bronhub.operator;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.terugkoppeling.GeparkeerdeBerichten;
import nl.bronhub.terugkoppeling.GeparkeerdeBerichten.Geparkeerd;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the parked berichten (dead letters): list, replay, discard. */
@RestController
@Tag(name = "geparkeerd", description = "Geparkeerde berichten (dead letters): bekijken met route, stap en melding; opnieuw aanbieden of verwerpen")
@RequestMapping("/operator/geparkeerd")
public class GeparkeerdApi {

    private final GeparkeerdeBerichten geparkeerd;

    public GeparkeerdApi(GeparkeerdeBerichten geparkeerd) {
        this.geparkeerd = geparkeerd;
    }

    /** The ones waiting for an operator; with alle=true also the ones handled. */
    @GetMapping
    public List<Geparkeerd> lijst(@RequestParam(defaultValue = "false") boolean alle, @RequestParam(defaultValue = "100") int aantal) {
        if (aantal < 1 || aantal > 1000) {
            throw new OngeldigeInvoer("aantal", "aantal moet tussen 1 en 1000 liggen");
        }
        return geparkeerd.lijst(alle, aantal);
    }

    @PostMapping("/{id}/opnieuw")
    public ResponseEntity<Map<String, String>> opnieuw(@PathVariable long id) {
        return antwoord(id, geparkeerd.opnieuw(id), "weer in de wachtrij");
    }

    @PostMapping("/{id}/verwerpen")
    public ResponseEntity<Map<String, String>> verwerp(@PathVariable long id) {
        return antwoord(id, geparkeerd.verwerp(id), "verworpen");
    }

    private static ResponseEntity<Map<String, String>> antwoord(long id, GeparkeerdeBerichten.Uitkomst uitkomst, String gedaan) {
        return switch (uitkomst) {
            case GEDAAN -> ResponseEntity.ok(Map.of("status", gedaan));
            case ONBEKEND -> throw new OperatorFouten.NietGevonden("dit geparkeerde bericht");
            case AL_AFGEHANDELD -> throw new OperatorFouten.Conflict("geparkeerd bericht " + id + " is al afgehandeld");
        };
    }
}
