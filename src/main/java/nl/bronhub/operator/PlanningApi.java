package nl.bronhub.operator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.planning.Contactcontrole;
import nl.bronhub.planning.Planning;
import nl.bronhub.planning.Vooraankondigingen;
import nl.bronhub.voortgang.Voortgangsmails;
import nl.bronhub.registratie.AanleverpuntRegister;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: the planning of the connection phase (start week per school, capacity per week) and its vooraankondigingen. */
@RestController
@RequestMapping("/operator/planning")
@Tag(name = "planning", description = "De planning van de fase aansluiting: startweek per school, capaciteit per week, vooraankondigingen")
public class PlanningApi {

    /** A planned school in a week's view: its aanleverpunten, their wachtwoordbrief and vooraankondigingen. */
    public record GeplandeSchool(String brin, String startweek, Map<Integer, LocalDate> contactBevestigd, List<Aanleverpunt> aanleverpunten) {
    }

    /** A school that has not yet confirmed its contact data in the open step. */
    public record OpenControle(String brin, int stap, LocalDate start) {
    }

    /** Per aanleverpunt: the wachtwoordbrief's date, and each vooraankondiging's status (null: not yet recorded). */
    public record Aanleverpunt(String aanleverpuntnummer, LocalDate wachtwoordbriefDatum, String vooraankondiging1, String vooraankondiging2) {
    }

    /** One week in detail. */
    public record WeekOverzicht(String week, LocalDate maandag, int capaciteit, int gepland, List<GeplandeSchool> scholen) {
    }

    private final Planning planning;
    private final AanleverpuntRegister register;
    private final Voortgangsmails mails;
    private final Contactcontrole contactcontrole;

    public PlanningApi(Planning planning, AanleverpuntRegister register, Voortgangsmails mails,
                       Contactcontrole contactcontrole) {
        this.contactcontrole = contactcontrole;
        this.planning = planning;
        this.register = register;
        this.mails = mails;
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Laadt een planning: startweken van scholen en/of capaciteiten van weken",
            description = "Alles of niets: één geweigerde regel, of een week boven haar capaciteit, en er wordt niets opgeslagen. "
                    + "Een school die al gepland is krijgt de nieuwe week, zolang haar eerste vooraankondiging niet is vastgelegd. "
                    + "Scholen die niet in de planning staan blijven zoals ze waren. Weken als 2027-W05 (ISO).")
    public List<Planning.Week> laad(@RequestBody Planning.Invoer invoer) {
        return planning.laad(invoer);
    }

    @GetMapping
    @Operation(summary = "De weken van de planning (capaciteit, aantal geplande scholen), of met ?week=2027-W05 die ene week met haar scholen")
    public Object weken(@RequestParam(required = false) String week) {
        if (week == null) {
            return planning.weken();
        }
        LocalDate maandag = Planning.maandag(week, "week");
        Planning.Week w = planning.weken().stream().filter(x -> x.maandag().equals(maandag)).findFirst()
                .orElse(new Planning.Week(Planning.week(maandag), maandag, planning.capaciteit(maandag), 0));
        Map<String, Map<String, String>> status = mails.vooraankondigingen();
        List<GeplandeSchool> scholen = planning.scholen(maandag).stream().map(brin -> new GeplandeSchool(brin, w.week(),
                contactcontrole.bevestigd(brin), register.vanSchool(brin).stream().map(a -> {
                    Map<String, String> s = status.getOrDefault(brin + "/" + a.aanleverpuntnummer(), Map.of());
                    return new Aanleverpunt(a.aanleverpuntnummer(), a.gegevens().wachtwoordbriefDatum(),
                            s.get(Vooraankondigingen.EERSTE), s.get(Vooraankondigingen.TWEEDE));
                }).toList())).toList();
        return new WeekOverzicht(w.week(), w.maandag(), w.capaciteit(), w.gepland(), scholen);
    }

    @GetMapping("/contactcontrole")
    @Operation(summary = "Geplande scholen die hun contactgegevens in de open stap (2 of 7) nog niet bevestigden")
    public List<OpenControle> contactcontrole() {
        return contactcontrole.onbevestigd().entrySet().stream()
                .map(e -> new OpenControle(e.getKey(), e.getValue().openStap(), e.getValue().start())).toList();
    }

    @DeleteMapping("/{brin}")
    @Operation(summary = "Haalt een school uit de planning, zolang haar eerste vooraankondiging niet is vastgelegd")
    public ResponseEntity<Void> verwijder(@PathVariable String brin) {
        if (!planning.verwijder(brin)) {
            throw new OperatorFouten.NietGevonden(Formaten.BRIN.matcher(brin).matches() ? "planning van " + brin : "planning van deze school");
        }
        return ResponseEntity.noContent().build();
    }
}
