package nl.bronhub.afnemers;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import nl.bronhub.OngeldigeInvoer;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The afnemers' API, at the portal's HTTPS door: what an afnemer may receive, and a delivery of one kind on one
 * peildatum (JSON, or CSV with Accept: text/csv). Each delivery and each refusal of a signed-in afnemer is written to
 * the afnemers' audit trail; a refusal changes nothing else.
 */
@RestController
@RequestMapping("/afnemers")
public class AfnemerApi {

    public record Soort(String soort, String omschrijving, String adres) {
    }

    public record Overzicht(String afnemer, String naam, int drempel, List<Soort> leveringen) {
    }

    private final Afnemers afnemers;
    private final Leveringen leveringen;
    private final AfnemerSpoor spoor;
    private final Onderdrukking onderdrukking;

    public AfnemerApi(Afnemers afnemers, Leveringen leveringen, AfnemerSpoor spoor, Onderdrukking onderdrukking) {
        this.afnemers = afnemers;
        this.leveringen = leveringen;
        this.spoor = spoor;
        this.onderdrukking = onderdrukking;
    }

    /** What this afnemer may receive (JSON only). */
    @GetMapping("/leveringen")
    public ResponseEntity<?> overzicht(Authentication wie, @RequestHeader(name = "Accept", required = false) String accept) {
        if (formaat(accept, false) == null) {
            spoor.vastleggen(wie.getName(), null, null, null, 0, 0, 406, "niet-aanvaardbaar");
            return nietAanvaardbaar();
        }
        Optional<Afnemers.Afnemer> afnemer = afnemers.zoek(wie.getName());
        if (afnemer.isEmpty()) {
            // removed between sign-in and this line
            return AfnemerProbleem.antwoord(403, "geen-toegang", "Geen toegang", "deze afnemer is niet (meer) geregistreerd", null);
        }
        List<Soort> soorten = afnemer.get().leveringen().stream().map(Leveringsoort::van).flatMap(Optional::stream)
                .map(s -> new Soort(s.naam(), s.omschrijving(), "/afnemers/leveringen/" + s.naam() + "?peildatum=JJJJ-MM-DD")).toList();
        return ResponseEntity.ok(new Overzicht(afnemer.get().code(), afnemer.get().naam(), onderdrukking.drempel(), soorten));
    }

    /** One delivery: 404 for an unknown kind, 403 for a kind this afnemer is not registered for, 400 for a bad peildatum. */
    @GetMapping("/leveringen/{soort}")
    public ResponseEntity<?> levering(Authentication wie, @PathVariable("soort") String gevraagd,
                                      @RequestParam(name = "peildatum", required = false) String peildatumTekst,
                                      @RequestHeader(name = "Accept", required = false) String accept,
                                      HttpServletRequest verzoek) {
        String code = wie.getName();
        String formaat = formaat(accept, true);
        if (formaat == null) {
            spoor.vastleggen(code, Leveringsoort.van(gevraagd).orElse(null), null, null, 0, 0, 406, "niet-aanvaardbaar");
            return nietAanvaardbaar();
        }
        boolean csv = formaat.equals("csv");
        Optional<Leveringsoort> soort = Leveringsoort.van(gevraagd);
        if (soort.isEmpty()) {
            spoor.vastleggen(code, null, null, formaat, 0, 0, 404, "onbekende-levering");
            return AfnemerProbleem.antwoord(404, "onbekende-levering", "Onbekende levering",
                    "deze soort levering bestaat niet; GET /afnemers/leveringen noemt de uwe", null);
        }
        if (!afnemers.mag(code, soort.get())) {
            spoor.vastleggen(code, soort.get(), null, formaat, 0, 0, 403, "geen-toegang");
            return AfnemerProbleem.antwoord(403, "geen-toegang", "Geen toegang",
                    "deze afnemer is niet geregistreerd voor deze soort levering", null);
        }
        LocalDate peildatum;
        try {
            String[] gegeven = verzoek.getParameterValues("peildatum");
            if (gegeven != null && gegeven.length > 1) {
                // Spring would take the first and say nothing: the afnemer would not know which date was counted
                throw new OngeldigeInvoer("peildatum", "peildatum staat meer dan eens in het adres; geef hem eenmaal");
            }
            peildatum = leveringen.peildatum(peildatumTekst);
        } catch (OngeldigeInvoer e) {
            spoor.vastleggen(code, soort.get(), null, formaat, 0, 0, 400, "ongeldige-peildatum");
            return AfnemerProbleem.antwoord(400, "ongeldige-peildatum", "Ongeldige peildatum", e.getMessage(), e.veld());
        }
        Leveringen.Levering levering = leveringen.maak(soort.get(), peildatum);
        spoor.vastleggen(code, soort.get(), peildatum, formaat, levering.cellen(), levering.onderdrukt(), 200, "geleverd");
        if (csv) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(Leveringen.csv(levering));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(levering);
    }

    /**
     * Another method than GET at the API's own addresses: 405, and Allow names GET. HEAD too: it would make a delivery
     * that is never read, and the trail would hold it as delivered.
     */
    @RequestMapping(path = {"/leveringen", "/leveringen/{soort}"}, method = {RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.OPTIONS, RequestMethod.TRACE})
    public ResponseEntity<?> andereMethode(Authentication wie, @PathVariable(name = "soort", required = false) String gevraagd) {
        spoor.vastleggen(wie.getName(), gevraagd == null ? null : Leveringsoort.van(gevraagd).orElse(null), null, null, 0, 0, 405,
                "methode-niet-toegestaan");
        return ResponseEntity.status(405).allow(HttpMethod.GET).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(AfnemerProbleem.antwoord(405, "methode-niet-toegestaan", "Methode niet toegestaan",
                        "de afnemers-API kent alleen GET", null).getBody());
    }

    /**
     * What the Accept header asks for: "csv" (text/csv, where a delivery may be CSV), "json", or null when it names
     * neither (nor anything that admits them, such as *&#47;*), or cannot be read.
     */
    static String formaat(String accept, boolean csvMogelijk) {
        if (accept == null || accept.isBlank()) {
            return "json";
        }
        List<MediaType> gevraagd;
        try {
            gevraagd = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException onleesbaar) {
            return null;
        }
        // the most wanted first; among equals the order the client wrote them in (the sort is stable)
        gevraagd.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType m : gevraagd) {
            if (m.getQualityValue() == 0) {
                continue;
            }
            if (csvMogelijk && m.getType().equals("text") && m.getSubtype().equals("csv")) {
                return "csv";
            }
            if (m.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return "json";
            }
        }
        return null;
    }

    private static ResponseEntity<?> nietAanvaardbaar() {
        return AfnemerProbleem.antwoord(406, "niet-aanvaardbaar", "Niet aanvaardbaar",
                "een levering is er als JSON (application/json) of CSV (text/csv); het overzicht als JSON", null);
    }

    /** Any other address under /afnemers: 404 in the same shape, the address not repeated. */
    @RequestMapping("/**")
    public ResponseEntity<?> nergens() {
        return AfnemerProbleem.antwoord(404, "niet-gevonden", "Niet gevonden",
                "dit adres bestaat niet in de afnemers-API (GET /afnemers/leveringen)", null);
    }
}
