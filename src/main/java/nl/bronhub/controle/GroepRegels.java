package nl.bronhub.controle;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/**
 * The groups that change over time, each a list of occurrences with an ingangsdatum: mandatory groups
 * present (341), one starting on datum inschrijving (303, ambulante begeleiding too: handbook 8.1), every ingangsdatum within the enrolment (321)
 * and none twice in a group (349); likewise no ambulante begeleiding or indicatiestelling twice on one
 * date (349). A WEC or VGK enrolment also needs its aanduiding NNCA (740).
 */
@Component
public class GroepRegels implements InhoudRegel {

    /** Mandatory for a WPO enrolment; a WEC or VGK enrolment needs all groups. */
    private static final Set<Groep> WPO_VERPLICHT = Set.of(Groep.VESTIGING, Groep.LEERJAAR);

    private final Instellingen instellingen;
    private final SignaalCatalogus catalogus;

    public GroepRegels(Instellingen instellingen, SignaalCatalogus catalogus) {
        this.instellingen = instellingen;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("303", "321", "341", "349", "740");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null) {
            return;
        }
        boolean wpo = instellingen.zoek(v.getBrin()).map(s -> s.isEen(Instelling.Soort.WPO)).orElse(false);
        if (!wpo && i.aanduidingNnca() == null) {
            // handbook 7.3.1-7.3.4: every form of WEC/VGK enrolment registers the aanduiding (0 for ambulante begeleiding)
            v.voegToe(catalogus.signaal("740", "aanduiding NNCA", Map.of("gegeven", "Aanduiding niet-Nederlandse Culturele Achtergrond")));
        }
        LocalDate inschrijving = i.datumInschrijving();
        LocalDate uitschrijving = i.datumUitschrijving();
        for (Groep soort : Groep.values()) {
            List<Voorkomen> voorkomens = i.groep(soort);
            String groep = soort.naam();
            if (voorkomens.isEmpty()) {
                if (!wpo || WPO_VERPLICHT.contains(soort)) {
                    v.voegToe(catalogus.signaal("341", groep, Map.of("groep", groep)));
                }
                continue;
            }
            String ingang = soort.ingangsgegeven();
            Set<LocalDate> gezien = new HashSet<>();
            for (Voorkomen g : voorkomens) {
                LocalDate d = g.ingangsdatum();
                if (!gezien.add(d)) {
                    v.voegToe(catalogus.signaal("349", groep, Map.of("gegeven", ingang, "waarde", datum(d), "groep", groep)));
                }
                if (d.isBefore(inschrijving) || (uitschrijving != null && d.isAfter(uitschrijving))) {
                    v.voegToe(catalogus.signaal("321", groep, Map.of("gegeven", ingang, "waarde", datum(d),
                            "datumInschrijving", datum(inschrijving),
                            "datumUitschrijving", uitschrijving == null ? "(geen)" : datum(uitschrijving))));
                }
            }
            if (!gezien.contains(inschrijving)) {
                v.voegToe(catalogus.signaal("303", groep, Map.of("groep", groep, "datumInschrijving", datum(inschrijving))));
            }
        }
        // handbook 8.1: for ambulante begeleiding the datum inschrijving is the day the coaching starts; one starting
        // later left the weeks between as a regular, funded place with soort onderwijs 00 on the GTB
        if (i.isAmbulanteBegeleiding() && i.ambulanteBegeleiding().stream().noneMatch(ab -> inschrijving.equals(ab.ingangsdatum()))) {
            v.voegToe(catalogus.signaal("303", "ambulante begeleiding", Map.of("groep", "ambulante begeleiding",
                    "datumInschrijving", datum(inschrijving))));
        }
        // a second ambulante begeleiding on one date would break the register's key (and was parked, never answered);
        // two indications on one date leave the latest one, which 345 and the GTB read, undefined
        enkelvoudig(v, "ambulante begeleiding", "Datum ingang ambulante begeleiding",
                i.ambulanteBegeleiding().stream().map(AmbulanteBegeleiding::ingangsdatum).toList());
        enkelvoudig(v, "indicatiestelling", "Datum indicatiestelling",
                i.indicatiestellingen().stream().map(Indicatiestelling::datum).toList());
    }

    /** 349 for each date that occurs more than once in the group. */
    private void enkelvoudig(Verwerking v, String groep, String gegeven, List<LocalDate> data) {
        Set<LocalDate> gezien = new HashSet<>();
        data.stream().filter(d -> !gezien.add(d)).distinct().forEach(d ->
                v.voegToe(catalogus.signaal("349", groep, Map.of("gegeven", gegeven, "waarde", datum(d), "groep", groep))));
    }
}
