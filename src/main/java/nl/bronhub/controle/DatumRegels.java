package nl.bronhub.controle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.model.Groep;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/** Dates against the birth date, each other and the calendar: 305, 314, 331, 332. */
@Component
public class DatumRegels implements InhoudRegel {

    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public DatumRegels(SignaalCatalogus catalogus, Clock klok) {
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("305", "314", "331", "332");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null) {
            return;
        }
        LocalDate geboortedatum = v.leerling().geboortedatum();
        LocalDate inschrijving = i.datumInschrijving();
        LocalDate uitschrijving = i.datumUitschrijving();

        datumsVan(i).forEach(e -> {
            String gegeven = e.getKey();
            LocalDate d = e.getValue();
            if (!d.isAfter(geboortedatum)) {
                v.voegToe(catalogus.signaal("305", gegeven,
                        Map.of("gegeven", gegeven, "waarde", datum(d), "geboortedatum", datum(geboortedatum))));
            }
        });
        if (uitschrijving != null && uitschrijving.isBefore(inschrijving)) {
            v.voegToe(catalogus.signaal("314", "datum uitschrijving",
                    Map.of("datumUitschrijving", datum(uitschrijving), "datumInschrijving", datum(inschrijving))));
        }
        LocalDate overEenJaar = LocalDate.now(klok).plusYears(1);
        if (inschrijving.isAfter(overEenJaar)) {
            v.voegToe(catalogus.signaal("332", "datum inschrijving",
                    Map.of("gegeven", "Datum inschrijving", "waarde", datum(inschrijving))));
            return; // the dates that follow it are as far ahead: 332 says it once
        }
        // 331 for every other date that may lie ahead, but hardly that far: the datum uitschrijving, and a group's or an
        // ambulante begeleiding's ingangsdatum (a hostile LAS put a period in 2099 unremarked); once per gegeven, its
        // earliest such date. Datum inschrijving is 332's, an indication's date 326's.
        Map<String, LocalDate> verVooruit = new LinkedHashMap<>();
        for (Map.Entry<String, LocalDate> e : datumsVan(i)) {
            if (e.getValue().isAfter(overEenJaar) && !NIET_331.contains(e.getKey())) {
                verVooruit.merge(e.getKey(), e.getValue(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        verVooruit.forEach((gegeven, d) -> v.voegToe(catalogus.signaal("331", gegeven,
                Map.of("gegeven", Character.toUpperCase(gegeven.charAt(0)) + gegeven.substring(1), "waarde", datum(d)))));
    }

    private static final Set<String> NIET_331 = Set.of("datum inschrijving", "datum indicatiestelling");

    /** Every date of the enrolment that must lie after the birth date, by the name the LAS knows it by. */
    private static List<Map.Entry<String, LocalDate>> datumsVan(Inschrijving i) {
        List<Map.Entry<String, LocalDate>> datums = new ArrayList<>();
        voegToe(datums, "datum inschrijving", i.datumInschrijving());
        voegToe(datums, "datum uitschrijving", i.datumUitschrijving());
        for (Groep groep : Groep.values()) {
            // as the handbook names it: "datum ingang plaatsing vestiging", "datum ingang leerjaar/groep", ...
            String gegeven = "d" + groep.ingangsgegeven().substring(1);
            i.groep(groep).forEach(g -> voegToe(datums, gegeven, g.ingangsdatum()));
        }
        i.indicatiestellingen().forEach(ind -> voegToe(datums, "datum indicatiestelling", ind.datum()));
        i.ambulanteBegeleiding().forEach(ab -> voegToe(datums, "datum ingang ambulante begeleiding", ab.ingangsdatum()));
        return datums;
    }

    private static void voegToe(List<Map.Entry<String, LocalDate>> datums, String gegeven, LocalDate d) {
        if (d != null) {
            datums.add(Map.entry(gegeven, d));
        }
    }
}
