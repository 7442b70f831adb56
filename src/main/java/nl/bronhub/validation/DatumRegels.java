package nl.bronhub.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;
import static nl.bronhub.signal.SignaalCatalogus.datum;

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
        Inschrijving i = v.getBericht().getInschrijving();
        if (i == null) {
            return;
        }
        LocalDate geboortedatum = datum(v.leerling().getGeboortedatum());
        LocalDate inschrijving = datum(i.getDatumInschrijving());
        LocalDate uitschrijving = datum(i.getDatumUitschrijving());

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
        }
        if (uitschrijving != null && uitschrijving.isAfter(overEenJaar)) {
            v.voegToe(catalogus.signaal("331", "datum uitschrijving",
                    Map.of("gegeven", "Datum uitschrijving", "waarde", datum(uitschrijving))));
        }
    }

    /** Every date of the enrolment that must lie after the birth date, by the name the LAS knows it by. */
    private static List<Map.Entry<String, LocalDate>> datumsVan(Inschrijving i) {
        List<Map.Entry<String, LocalDate>> datums = new ArrayList<>();
        voegToe(datums, "datum inschrijving", i.getDatumInschrijving());
        voegToe(datums, "datum uitschrijving", i.getDatumUitschrijving());
        groep(datums, "vestiging", i.getVestiging());
        groep(datums, "leerjaar/groep", i.getLeerjaar());
        groep(datums, "soort verblijf", i.getSoortVerblijf());
        groep(datums, "schoolsoort", i.getSchoolsoort());
        groep(datums, "soort onderwijs", i.getSoortOnderwijs());
        groep(datums, "indicatie bekostiging", i.getIndicatieBekostiging());
        i.getIndicatiestelling().forEach(ind -> voegToe(datums, "datum indicatiestelling", ind.getDatumIndicatiestelling()));
        i.getAmbulanteBegeleiding().forEach(ab -> voegToe(datums, "datum ingang ambulante begeleiding", ab.getIngangsdatum()));
        return datums;
    }

    private static void groep(List<Map.Entry<String, LocalDate>> datums, String naam, List<GroepVoorkomen> voorkomens) {
        voorkomens.forEach(g -> voegToe(datums, "datum ingang " + naam, g.getIngangsdatum()));
    }

    private static void voegToe(List<Map.Entry<String, LocalDate>> datums, String gegeven, String waarde) {
        LocalDate d = datum(waarde);
        if (d != null) {
            datums.add(Map.entry(gegeven, d));
        }
    }
}
