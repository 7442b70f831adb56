package nl.bronhub.portaal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.bronhub.gtb.GtbOverzicht;
import nl.bronhub.planning.Planning;
import nl.bronhub.voortgang.VoortgangStand;
import nl.bronhub.kwalificatie.Kwalificatie;
import nl.bronhub.registratie.AanleverpuntRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bestuur's dashboard in the portal (the schools' brochure): a board signed in with its
 * bestuursnummer follows all its schools in one view (phase, week, scores, qualification, GTB totals)
 * and each school's page, read only: no form here changes a school, and a school whose aanleverpunten do
 * not name this board is not shown (403, also for a BRIN that does not exist, so that the answer says
 * nothing about other boards' schools). Counts only: a board sees no pupil's name or number.
 * PortaalBeveiliging has already made sure that {nummer} is the signed-in board.
 */
@Controller
@RequestMapping("/portaal")
public class BestuurController {

    static final String NUMMER = "{nummer:[0-9]{5}}";

    /** A GTB total of one vestiging: its newest GTB whose peildatum has come. */
    public record GtbRegel(String vestiging, GtbOverzicht.PeildatumRegel gtb) {
    }

    /** One school as its board sees it. */
    public record School(Kwalificatie.Stand stand, Map<String, Object> startweek, List<VoortgangStand.Stand> voortgang, boolean achter,
                         Integer week, List<GtbRegel> gtb, Integer gtbTotaal, Integer gtbAb) {

        /** The phase has dates (a wachtwoordbrief): shown as a period, not as a plan. */
        public boolean heeftFase() {
            return stand.faseEinde() != null;
        }

        /** The phase has begun: its status, weeks and scores count from its first day. */
        public boolean inFase() {
            return heeftFase() && stand.begonnen();
        }
    }

    private final AanleverpuntRegister register;
    private final Kwalificatie kwalificatie;
    private final VoortgangStand voortgang;
    private final GtbOverzicht gtb;
    private final Planning planning;
    private final WachtwoordKeuze wachtwoordKeuze;

    public BestuurController(AanleverpuntRegister register, Kwalificatie kwalificatie, VoortgangStand voortgang, GtbOverzicht gtb,
                             Planning planning, WachtwoordKeuze wachtwoordKeuze) {
        this.register = register;
        this.kwalificatie = kwalificatie;
        this.voortgang = voortgang;
        this.gtb = gtb;
        this.planning = planning;
        this.wachtwoordKeuze = wachtwoordKeuze;
    }

    @GetMapping("/" + NUMMER)
    public String scholen(@PathVariable String nummer, Model model) {
        List<School> scholen = bestuur(nummer, model).stream().map(this::school).filter(Objects::nonNull).toList();
        model.addAttribute("scholen", scholen);
        model.addAttribute("aantalGepland", scholen.stream().filter(s -> !s.inFase() && s.stand().status() == Kwalificatie.Status.IN_FASE).count());
        model.addAttribute("aantalInFase", scholen.stream().filter(s -> s.inFase() && s.stand().status() == Kwalificatie.Status.IN_FASE).count());
        model.addAttribute("aantalGekwalificeerd", scholen.stream().filter(s -> s.stand().status() == Kwalificatie.Status.GEKWALIFICEERD).count());
        // the third outcome too, so that the line's parts add up to the schools (a newcomer's finding)
        model.addAttribute("aantalNietGekwalificeerd", scholen.stream()
                .filter(s -> s.stand().status() == Kwalificatie.Status.AANGESLOTEN_NIET_GEKWALIFICEERD).count());
        model.addAttribute("aantalAchter", scholen.stream().filter(s -> s.achter() && s.stand().magReageren()).count());
        return "portaal/bestuur";
    }

    @GetMapping("/" + NUMMER + "/scholen/" + PortaalController.BRIN)
    public String school(@PathVariable String nummer, @PathVariable String brin, Model model) {
        if (!bestuur(nummer, model).contains(brin)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        School school = school(brin);
        if (school == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("s", school);
        return "portaal/bestuur-school";
    }

    @GetMapping("/" + NUMMER + "/wachtwoord")
    public String wachtwoord(@PathVariable String nummer, Model model) {
        bestuur(nummer, model);
        return wachtwoordKeuze.formulier(model);
    }

    @PostMapping("/" + NUMMER + "/wachtwoord")
    public String kiesWachtwoord(@PathVariable String nummer, @RequestParam(required = false) String huidig,
                                 @RequestParam(required = false) String nieuw, @RequestParam(required = false) String herhaling,
                                 HttpServletRequest verzoek, Model model, RedirectAttributes doorgeven) {
        return wachtwoordKeuze.kies(nummer, huidig, nieuw, herhaling, verzoek, model, doorgeven, () -> wachtwoord(nummer, model));
    }

    /** The board's name in the model (for the menu); answers its schools, read once per page. */
    private List<String> bestuur(String nummer, Model model) {
        Optional<AanleverpuntRegister.Bestuur> bestuur = register.bestuur(nummer);
        String naam = bestuur.map(AanleverpuntRegister.Bestuur::naam).orElse(null);
        model.addAttribute("bestuur", Map.of("nummer", nummer, "naam", naam == null ? "Bestuur " + nummer : naam));
        return bestuur.map(AanleverpuntRegister.Bestuur::scholen).orElse(List.of());
    }

    /** A planned school's week as the pages show it: week, year and the window of the real start; null when not planned. */
    static Map<String, Object> startweek(Planning planning, String brin) {
        return planning.startweek(brin).<Map<String, Object>>map(maandag -> Map.of(
                "week", maandag.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), "jaar", maandag.get(IsoFields.WEEK_BASED_YEAR),
                "vanaf", Planning.vensterVan(maandag), "totEnMet", Planning.vensterTot(maandag))).orElse(null);
    }

    /** The school's stand as its own portal shows it, without its pupils; null for a BRIN the reference register does not know. */
    private School school(String brin) {
        Kwalificatie.Stand stand = kwalificatie.stand(brin).orElse(null);
        if (stand == null) {
            return null;
        }
        Map<String, Object> startweek = startweek(planning, brin);
        boolean inFase = stand.faseEinde() != null;
        // before the phase there are no scores or weeks, as on the school's own page
        List<VoortgangStand.Stand> scores = inFase ? voortgang.vanSchool(brin) : List.of();
        Integer week = scores.stream().map(VoortgangStand.Stand::week).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        List<GtbRegel> gtbRegels = new ArrayList<>();
        gtb.laatste(brin).forEach((v, p) -> gtbRegels.add(new GtbRegel(v, p)));
        Integer totaal = gtbRegels.isEmpty() ? null : gtbRegels.stream().mapToInt(r -> r.gtb().totaal()).sum();
        Integer ab = gtbRegels.isEmpty() ? null : gtbRegels.stream().mapToInt(r -> r.gtb().ab()).sum();
        return new School(stand, startweek, scores, PortaalController.achter(scores), week, gtbRegels, totaal, ab);
    }
}
