package nl.bronhub.controle;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/**
 * Ambulante begeleiding (handbook 7.3.2, 8.6): soort onderwijs, leerjaar, schoolsoort and soort
 * verblijf are 0 (338), NNCA is 0 (343), the school coached at is filled in (740), and the coaching
 * starts within the enrolment, on or after the indication (328).
 */
@Component
public class AmbulanteBegeleidingRegels implements InhoudRegel {

    private final SignaalCatalogus catalogus;

    public AmbulanteBegeleidingRegels(SignaalCatalogus catalogus) {
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("328", "338", "343", "740");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null || !i.isAmbulanteBegeleiding()) {
            return;
        }
        nul(v, "Soort onderwijs", i.groep(Groep.SOORT_ONDERWIJS));
        nul(v, "Leerjaar/groep", i.groep(Groep.LEERJAAR));
        nul(v, "Schoolsoort", i.groep(Groep.SCHOOLSOORT));
        nul(v, "Soort verblijf", i.groep(Groep.SOORT_VERBLIJF));
        if (i.aanduidingNnca() != null && !Vorm.isNul(i.aanduidingNnca())) {
            v.voegToe(catalogus.signaal("343", "aanduiding NNCA", Map.of(
                    "gegeven", "Aanduiding niet-Nederlandse Culturele Achtergrond", "waarde", i.aanduidingNnca())));
        }
        LocalDate inschrijving = i.datumInschrijving();
        LocalDate uitschrijving = i.datumUitschrijving();
        LocalDate indicatie = i.indicatiestellingen().stream().map(Indicatiestelling::datum)
                .min(Comparator.naturalOrder()).orElse(null);
        for (AmbulanteBegeleiding ab : i.ambulanteBegeleiding()) {
            if (ab.brinSchool() == null) {
                v.voegToe(catalogus.signaal("740", "BRIN-nummer school ambulante begeleiding", Map.of(
                        "gegeven", "BRIN-nummer van de school of instelling waar de leerling ambulant begeleid wordt")));
            }
            LocalDate ingang = ab.ingangsdatum();
            if ((indicatie != null && ingang.isBefore(indicatie)) || ingang.isBefore(inschrijving)
                    || (uitschrijving != null && ingang.isAfter(uitschrijving))) {
                v.voegToe(catalogus.signaal("328", "datum ingang ambulante begeleiding", Map.of(
                        "waarde", datum(ingang),
                        "datumIndicatiestelling", indicatie == null ? "(geen)" : datum(indicatie),
                        "datumInschrijving", datum(inschrijving),
                        "datumUitschrijving", uitschrijving == null ? "(geen)" : datum(uitschrijving))));
            }
        }
    }

    private void nul(Verwerking v, String gegeven, List<Voorkomen> groep) {
        if (groep.stream().anyMatch(g -> !Vorm.isNul(g.waarde()))) {
            v.voegToe(catalogus.signaal("338", gegeven, Map.of("gegeven", gegeven)));
        }
    }
}
