package nl.bronhub.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.registratie.AanleverpuntGegevens;
import nl.bronhub.registratie.AanleverpuntRegister;
import nl.bronhub.registratie.AanleverpuntRegister.Aanleverpunt;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the aanleverpunt registry (JSON). */
@RestController
@RequestMapping("/operator/aanleverpunten")
@Tag(name = "aanleverpunten", description = "Het aanleverpuntregister: LAS, contactpersoon, gemachtigde, wachtwoordbrief, normen, bestuur")
public class AanleverpuntenApi {

    /** The properties a PATCH may set: those of AanleverpuntGegevens. */
    private static final Set<String> VELDEN = Arrays.stream(AanleverpuntGegevens.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toCollection(LinkedHashSet::new));

    private final AanleverpuntRegister register;
    private final ObjectMapper json;

    public AanleverpuntenApi(AanleverpuntRegister register, ObjectMapper json) {
        this.register = register;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Alle aanleverpunten met hun registergegevens")
    public List<Aanleverpunt> alle() {
        return register.alle();
    }

    /** With its ETag: a script that reads, waits and writes back sends it as If-Match, and so puts no old values back. */
    @GetMapping("/{brin}/{nummer}")
    @Operation(summary = "Eén aanleverpunt", description = "Met een ETag: stuur die bij PUT of PATCH mee als If-Match, dan "
            + "wordt een wijziging geweigerd (412) als het aanleverpunt intussen door een ander gewijzigd is.")
    public ResponseEntity<Aanleverpunt> een(@PathVariable String brin, @PathVariable String nummer) {
        return metEtag(register.zoek(brin, nummer).orElseThrow(() -> OperatorFouten.geenAanleverpunt(brin, nummer)));
    }

    /** Creates or replaces the aanleverpunt's registry data: a field left out is emptied. */
    @PutMapping(value = "/{brin}/{nummer}", consumes = "application/json")
    @Operation(summary = "Maakt of VERVANGT de registergegevens van een aanleverpunt",
            description = "Let op: PUT vervangt het hele record. Een veld dat ontbreekt wordt leeggemaakt (ook bestuurNaam en "
                    + "bestuurEmail). Wie één of enkele velden wil wijzigen gebruikt PATCH (application/merge-patch+json). "
                    + "Met If-Match (de ETag van GET) alleen als het aanleverpunt nog zo is als gelezen, anders 412.")
    public ResponseEntity<Aanleverpunt> zet(@PathVariable String brin, @PathVariable String nummer,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String alsGelijk,
                                            @RequestBody AanleverpuntGegevens gegevens) {
        if (alsGelijk == null) {
            return metEtag(register.slaOp(brin, nummer, gegevens));
        }
        // under the aanleverpunt's lock, as a PATCH: the mark is compared with what is written over
        return metEtag(register.wijzig(brin, nummer, nu -> {
            controleerVersie(alsGelijk, nu);
            return gegevens;
        }).orElseThrow(() -> new OperatorFouten.VoorwaardeMislukt("aanleverpunt " + brin + "/" + nummer
                + " bestaat niet: If-Match geldt alleen een bestaand aanleverpunt (laat If-Match weg om het aan te maken)")));
    }

    /** The registry data's mark, as a strong ETag (quoted). */
    static String etag(AanleverpuntGegevens gegevens) {
        return "\"" + gegevens.versieVanAlles() + "\"";
    }

    private static ResponseEntity<Aanleverpunt> metEtag(Aanleverpunt a) {
        return ResponseEntity.ok().eTag(etag(a.gegevens())).body(a);
    }

    /** If-Match: one of the marks given (or *) must be the current data's; else 412, nothing written. */
    private static void controleerVersie(String alsGelijk, AanleverpuntGegevens nu) {
        String huidig = etag(nu);
        boolean gelijk = Arrays.stream(alsGelijk.split(",")).map(String::trim).anyMatch(m -> m.equals("*") || m.equals(huidig));
        if (!gelijk) {
            throw new OperatorFouten.VoorwaardeMislukt("het aanleverpunt is gewijzigd sinds het gelezen werd (If-Match is niet de "
                    + "huidige ETag): lees het opnieuw (GET) en breng de wijziging daarop aan");
        }
    }

    /**
     * Changes only the fields sent (RFC 7396 merge patch: a field with null is emptied, a field left out
     * is kept), so an operator who sends the new e-mail address does not wipe the bestuur's data.
     */
    @PatchMapping(value = "/{brin}/{nummer}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Wijzigt alleen de meegestuurde velden van een aanleverpunt",
            description = "JSON merge patch (RFC 7396): een meegestuurd veld krijgt de nieuwe waarde (null maakt het leeg), "
                    + "een weggelaten veld blijft zoals het was. Een aanleverpunt dat nog niet bestaat is 404 (PUT maakt het aan).")
    public ResponseEntity<Aanleverpunt> wijzig(@PathVariable String brin, @PathVariable String nummer,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "alleen de velden die veranderen",
                                       content = {@Content(mediaType = "application/merge-patch+json",
                                               schema = @Schema(implementation = AanleverpuntGegevens.class)),
                                               @Content(mediaType = "application/json",
                                               schema = @Schema(implementation = AanleverpuntGegevens.class))})
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String alsGelijk,
                               @RequestBody JsonNode wijziging) {
        if (!(wijziging instanceof ObjectNode velden)) {
            throw new OngeldigeInvoer("een JSON-object met de velden die veranderen, bijv. {\"gemachtigdeEmail\": \"...\"}");
        }
        List<String> onbekend = new ArrayList<>();
        velden.fieldNames().forEachRemaining(v -> {
            if (!VELDEN.contains(v)) {
                onbekend.add(v);
            }
        });
        if (!onbekend.isEmpty()) {
            // named, but never more than a few and never long: the answer must not grow with what was sent
            String genoemd = onbekend.stream().limit(3).map(OperatorFouten::genoemd).collect(Collectors.joining(", "))
                    + (onbekend.size() > 3 ? " (en " + (onbekend.size() - 3) + " meer)" : "");
            throw new OngeldigeInvoer(genoemd, "onbekend veld " + genoemd + "; wel: " + String.join(", ", VELDEN));
        }
        // a PATCH changes what exists: a mistyped BRIN-nummer must not create an aanleverpunt of one field (PUT creates);
        // read and written under the aanleverpunt's lock, so that another change at the same time keeps its fields
        return metEtag(register.wijzig(brin, nummer, nu -> {
            if (alsGelijk != null) {
                controleerVersie(alsGelijk, nu);
            }
            ObjectNode samen = json.valueToTree(nu);
            samen.setAll(velden);
            try {
                return json.treeToValue(samen, AanleverpuntGegevens.class);
            } catch (JsonProcessingException e) {
                // the same answer as for a PUT body of the wrong form: 400 naming the property
                throw new HttpMessageNotReadableException("merge patch", e, null);
            }
        }).orElseThrow(() -> OperatorFouten.geenAanleverpunt(brin, nummer)));
    }
}
