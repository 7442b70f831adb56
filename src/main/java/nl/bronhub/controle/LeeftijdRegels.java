package nl.bronhub.controle;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import nl.bronhub.model.Inschrijving;
import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

/**
 * The pupil's age: at least 4 (3 for deaf and hard-of-hearing indications) on the datum
 * indicatiestelling or the later datum inschrijving (333), and under 20 on datum inschrijving (334).
 */
@Component
public class LeeftijdRegels implements InhoudRegel {

    private final SignaalCatalogus catalogus;

    public LeeftijdRegels(SignaalCatalogus catalogus) {
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("333", "334");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null) {
            return;
        }
        LocalDate geboortedatum = v.leerling().geboortedatum();
        LocalDate inschrijving = i.datumInschrijving();
        if (!inschrijving.isAfter(geboortedatum)) {
            return; // 305 says it already
        }
        boolean teJong = i.indicatiestellingen().isEmpty()
                ? leeftijd(geboortedatum, inschrijving) < 4
                : i.indicatiestellingen().stream().anyMatch(ind -> {
                    LocalDate peil = later(ind.datum(), inschrijving);
                    int minimum = Waardelijsten.VANAF_DRIE_JAAR.contains(ind.onderwijssoort()) ? 3 : 4;
                    return leeftijd(geboortedatum, peil) < minimum;
                });
        if (teJong) {
            v.voegToe(catalogus.signaal("333", "geboortedatum"));
        }
        if (leeftijd(geboortedatum, inschrijving) >= 20) {
            v.voegToe(catalogus.signaal("334", "datum inschrijving"));
        }
    }

    private static int leeftijd(LocalDate geboortedatum, LocalDate op) {
        return op.isBefore(geboortedatum) ? -1 : Period.between(geboortedatum, op).getYears();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return List.of(a, b).stream().max(LocalDate::compareTo).orElseThrow();
    }
}
