package nl.bronhub.operator;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.gtb.AbOpgaveBestand;
import nl.bronhub.gtb.AbVergelijking;
import nl.bronhub.gtb.GtbOverzicht;
import nl.bronhub.gtb.Verzuimmeldingen;
import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.portaal.PortaalAccounts;
import nl.bronhub.portaal.PortaalSessies;
import nl.bronhub.voortgang.VoortgangStand;
import nl.bronhub.kwalificatie.Kwalificatie;
import nl.bronhub.referentie.Instellingen;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API: every school's phase, voortgang and qualification, its GTB and AB comparison, and what
 * the operator feeds in for them (the AB list a school gave on its form, absence reports, the portal
 * password of the wachtwoordbrief).
 */
@RestController
@Tag(name = "scholen", description = "Per school: fase, voortgang, kwalificatie, GTB, AB-vergelijking, verzuim en het portaalwachtwoord")
@RequestMapping("/operator/scholen")
public class ScholenApi {

    public record School(Kwalificatie.Stand kwalificatie, List<VoortgangStand.Stand> voortgang, PortaalAccounts.Staat portaal) {
    }

    private static final int STANDAARD_PAGINA = 100;
    private static final int MAX_PAGINA = 1000;

    private final Kwalificatie kwalificatie;
    private final VoortgangStand voortgang;
    private final GtbOverzicht gtb;
    private final AbVergelijking abVergelijking;
    private final Verzuimmeldingen verzuim;
    private final PortaalAccounts accounts;
    private final PortaalSessies sessies;
    private final Instellingen instellingen;
    private final AbOpgaveBestand abOpgaven;

    public ScholenApi(Kwalificatie kwalificatie, VoortgangStand voortgang, GtbOverzicht gtb, AbVergelijking abVergelijking,
                      Verzuimmeldingen verzuim, PortaalAccounts accounts, PortaalSessies sessies, Instellingen instellingen,
                      AbOpgaveBestand abOpgaven) {
        this.instellingen = instellingen;
        this.abOpgaven = abOpgaven;
        this.sessies = sessies;
        this.kwalificatie = kwalificatie;
        this.voortgang = voortgang;
        this.gtb = gtb;
        this.abVergelijking = abVergelijking;
        this.verzuim = verzuim;
        this.accounts = accounts;
    }

    /**
     * The schools in BRIN order, a page at a time: {@code vanaf} is the last BRIN of the previous page (a
     * page shorter than {@code aantal} is the last), {@code status} keeps only the schools in that state.
     */
    @GetMapping
    public List<School> alle(@RequestParam(required = false) String status, @RequestParam(defaultValue = "") String vanaf,
                             @RequestParam(defaultValue = "" + STANDAARD_PAGINA) int aantal) {
        if (aantal < 1 || aantal > MAX_PAGINA) {
            throw new OngeldigeInvoer("aantal", "aantal moet tussen 1 en " + MAX_PAGINA + " liggen");
        }
        String gevraagd = null;
        if (status != null && !status.isBlank()) {
            gevraagd = status.trim().toUpperCase(java.util.Locale.ROOT);
            if (!Kwalificatie.OPERATOR_STATUSSEN.contains(gevraagd)) {
                throw new OngeldigeInvoer("status", "status moet een van " + Kwalificatie.OPERATOR_STATUSSEN + " zijn");
            }
        }
        return kwalificatie.alle(gevraagd, vanaf.trim().toUpperCase(), aantal).stream()
                .map(s -> new School(s, voortgang.vanSchool(s.brin()), accounts.staat(s.brin()).orElse(null))).toList();
    }

    @GetMapping("/{brin}")
    public School een(@PathVariable String brin) {
        Kwalificatie.Stand s = kwalificatie.stand(brin).orElseThrow(() -> geenAanleverpunt(brin));
        return new School(s, voortgang.vanSchool(brin), accounts.staat(brin).orElse(null));
    }

    /** Per vestiging, the peildata of its GTBs (newest first). */
    @GetMapping("/{brin}/gtb")
    public Map<String, List<GtbOverzicht.PeildatumRegel>> peildata(@PathVariable String brin) {
        bestaat(brin);
        Map<String, List<GtbOverzicht.PeildatumRegel>> m = new LinkedHashMap<>();
        gtb.vestigingen(brin).forEach(v -> m.put(v, gtb.peildata(brin, v)));
        return m;
    }

    @GetMapping("/{brin}/gtb/{vestiging}/{peildatum}")
    public GtbOverzicht.Gtb gtb(@PathVariable String brin, @PathVariable String vestiging,
                                @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate peildatum) {
        bestaat(brin);
        if (!gtb.vestigingen(brin).contains(vestiging)) {
            throw new OperatorFouten.NietGevonden(vestiging.matches("[0-9]{2}") ? "vestiging " + vestiging + " van school " + brin : "vestiging");
        }
        if (!gtb.isPeildatum(brin, peildatum)) {
            // a date between peildata has no GTB: not a made-up total of zero
            throw new OperatorFouten.NietGevonden("een GTB van school " + brin + " op " + peildatum + " (geen peildatum in de schooljaren die de GTB beslaat)");
        }
        return gtb.gtb(brin, vestiging, peildatum);
    }

    @GetMapping("/{brin}/ab-vergelijking")
    public List<AbVergelijking.Regel> abVergelijking(@PathVariable String brin) {
        bestaat(brin);
        return abVergelijking.vergelijk(brin);
    }

    /** Replaces the AB pupils the school gave on its form. */
    @PutMapping("/{brin}/ab-opgave")
    public Map<String, Integer> abOpgave(@PathVariable String brin, @RequestBody List<AbVergelijking.Opgave> opgaven) {
        bestaat(brin);
        // the same checks as a file in config/ab-opgaven/: the WPO school, and each line's numbers, school and date
        return Map.of("regels", abOpgaven.importeerLijst(brin, opgaven));
    }

    /** Replaces the school's absence reports (signal 12). */
    @PutMapping("/{brin}/verzuim")
    public Map<String, Integer> verzuim(@PathVariable String brin, @RequestBody List<Verzuimmeldingen.Melding> meldingen) {
        bestaat(brin);
        return Map.of("meldingen", verzuim.importeer(brin, meldingen));
    }

    /** A new portal password for the school (the wachtwoordbrief), shown this once. */
    @PostMapping("/{brin}/portaalwachtwoord")
    public Map<String, String> portaalwachtwoord(@PathVariable String brin) {
        kwalificatie.stand(brin).orElseThrow(() -> geenAanleverpunt(brin));
        String wachtwoord = accounts.nieuwWachtwoord(brin);
        sessies.beeindig(brin, null);
        return Map.of("brin", brin, "wachtwoord", wachtwoord);
    }

    /** A school the reference register of institutions does not know: 404, as for GET /operator/scholen/{brin}. */
    private void bestaat(String brin) {
        if (instellingen.zoek(brin).isEmpty()) {
            throw geenSchool(brin);
        }
    }

    /**
     * A school the hub has no aanleverpunt of: 404 that says which of the two it is (unknown, or known and not yet
     * connected), so that an operator does not look for a typing error in a BRIN that is right.
     */
    private OperatorFouten.NietGevonden geenAanleverpunt(String brin) {
        bestaat(brin);
        return OperatorFouten.NietGevonden.uitgelegd("school " + brin
                + " staat in het register van instellingen maar heeft nog geen aanleverpunt (POST /operator/aanleverpunten)");
    }

    /** The 404; the path's value is repeated only when it has the form of a BRIN (it may be anything else). */
    private static OperatorFouten.NietGevonden geenSchool(String brin) {
        return new OperatorFouten.NietGevonden(brin != null && Formaten.BRIN.matcher(brin).matches() ? "school " + brin : "school");
    }
}
