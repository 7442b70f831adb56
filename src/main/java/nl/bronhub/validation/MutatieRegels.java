package nl.bronhub.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.registry.RegisterLezer;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;
import static nl.bronhub.processing.Verwerking.gevuld;

/**
 * The mutation against what the register holds (handbook 7.3-7.6): a BRIN teruggeplaatste leerling
 * needs a datum uitschrijving (340); a second, overlapping enrolment at the same school is refused
 * (311); a wijzigen or uitschrijven without the original enrolment registers it anew (400).
 */
@Component
public class MutatieRegels implements InhoudRegel {

    private final RegisterLezer register;
    private final SignaalCatalogus catalogus;

    public MutatieRegels(RegisterLezer register, SignaalCatalogus catalogus) {
        this.register = register;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("311", "340", "400");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.getBericht().getInschrijving();
        if (i == null || "verwijderen".equals(v.mutatiesoort())) {
            return;
        }
        if (gevuld(i.getBrinTeruggeplaatsteLeerling()) && !gevuld(i.getDatumUitschrijving())) {
            v.voegToe(catalogus.signaal("340", "BRIN-nummer teruggeplaatste leerling",
                    Map.of("brin", i.getBrinTeruggeplaatsteLeerling().trim())));
        }
        if (v.getPgn() == null) {
            return; // a pupil the register does not know yet has no enrolments
        }
        LocalDate van = datum(i.getDatumInschrijving());
        List<RegisterLezer.Periode> bestaand = register.inschrijvingen(v.getPgn(), v.getBrin());
        if (bestaand.stream().anyMatch(p -> p.inschrijving().equals(van))) {
            return; // the same enrolment: a wijzigen
        }
        if (bestaand.stream().anyMatch(p -> p.overlaptMet(van, datum(i.getDatumUitschrijving())))) {
            v.voegToe(catalogus.signaal("311", null));
        } else if ("wijzigen".equals(v.mutatiesoort()) || "uitschrijven".equals(v.mutatiesoort())) {
            v.voegToe(catalogus.signaal("400", null));
        }
    }
}
