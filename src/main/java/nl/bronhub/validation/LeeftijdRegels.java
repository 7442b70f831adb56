package nl.bronhub.validation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;

/** The pupil's age on the datum inschrijving: 334 (20 or older). */
@Component
public class LeeftijdRegels implements InhoudRegel {

    private final SignaalCatalogus catalogus;

    public LeeftijdRegels(SignaalCatalogus catalogus) {
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("334");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.getBericht().getInschrijving();
        if (i == null) {
            return;
        }
        LocalDate geboortedatum = datum(v.leerling().getGeboortedatum());
        LocalDate inschrijving = datum(i.getDatumInschrijving());
        if (inschrijving.isAfter(geboortedatum) && Period.between(geboortedatum, inschrijving).getYears() >= 20) {
            v.voegToe(catalogus.signaal("334", "datum inschrijving"));
        }
    }
}
