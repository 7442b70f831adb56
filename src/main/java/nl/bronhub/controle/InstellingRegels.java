package nl.bronhub.controle;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/**
 * The enrolment against the BRIN register: the school valid on datum inschrijving (301), its
 * vestigingen known (397) and valid (348), soort onderwijs allowed at the vestiging in every period both
 * are in force (337), a WPO school only
 * WPO enrolments (356), the school where a pupil is ambulant begeleid (399, 301) and the school a
 * pupil returns to (301).
 */
@Component
public class InstellingRegels implements InhoudRegel {

    private final Instellingen instellingen;
    private final SignaalCatalogus catalogus;

    public InstellingRegels(Instellingen instellingen, SignaalCatalogus catalogus) {
        this.instellingen = instellingen;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("301", "337", "348", "356", "397", "399");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null) {
            return;
        }
        LocalDate inschrijving = i.datumInschrijving();
        Optional<Instelling> school = geldig(v, v.getBrin(), "datum inschrijving", inschrijving);
        if (school.isEmpty()) {
            return;
        }
        if (school.get().isEen(Instelling.Soort.WPO) && heeftWecGegevens(i)) {
            v.voegToe(catalogus.signaal("356", null));
        }
        for (Voorkomen g : i.groep(Groep.VESTIGING)) {
            String volgnummer = g.waarde();
            Optional<Instelling.Vestiging> vestiging = school.get().vestiging(volgnummer);
            if (vestiging.isEmpty()) {
                v.voegToe(catalogus.signaal("397", "vestiging", Map.of("vestiging", volgnummer)));
            } else if (!vestiging.get().geldigOp(g.ingangsdatum())) {
                v.voegToe(catalogus.signaal("348", "vestiging", Map.of("gegeven", "Vestigingsvolgnummer", "waarde", volgnummer,
                        "gegevenDatum", "datum ingang plaatsing vestiging", "datum", datum(g.ingangsdatum()))));
            }
        }
        // every period in which a vestiging and a soort onderwijs are both in force, not only where the soort starts
        Set<String> gemeld = new HashSet<>();
        // only while enrolled: a period that starts after the datum uitschrijving is 321's, not in force
        LocalDate uitgeschreven = i.datumUitschrijving();
        // 00 (niet van toepassing) is the soort of ambulante begeleiding and of a WPO school; a place at a WEC
        // vestiging needs a soort that vestiging gives, like any other
        boolean nulToegestaan = i.isAmbulanteBegeleiding() || school.get().isEen(Instelling.Soort.WPO);
        for (Vorm.Periode<Voorkomen> soort : Vorm.perioden(i.groep(Groep.SOORT_ONDERWIJS))) {
            String code = soort.waarde().waarde();
            if ("00".equals(code) && nulToegestaan) {
                continue;
            }
            for (Vorm.Periode<Voorkomen> plaatsing : Vorm.perioden(i.groep(Groep.VESTIGING))) {
                if (!soort.overlaptMet(plaatsing)) {
                    continue;
                }
                LocalDate vanaf = soort.van().isAfter(plaatsing.van()) ? soort.van() : plaatsing.van();
                if (uitgeschreven != null && vanaf.isAfter(uitgeschreven)) {
                    continue;
                }
                school.get().vestiging(plaatsing.waarde().waarde())
                        .filter(vestiging -> !vestiging.soortenOnderwijs().contains(code))
                        .filter(vestiging -> gemeld.add(code + "@" + vestiging.volgnummer()))
                        .ifPresent(vestiging -> v.voegToe(catalogus.signaal("337", "soort onderwijs", Map.of(
                                "soortOnderwijs", Waardelijsten.soortOnderwijs(code), "vestiging", v.getBrin() + vestiging.volgnummer()))));
            }
        }
        for (AmbulanteBegeleiding ab : i.ambulanteBegeleiding()) {
            if (ab.brinSchool() == null) {
                continue; // missing, not invalid: ambulanteBegeleidingRegels gives 740
            }
            geldig(v, ab.brinSchool(), "datum ingang ambulante begeleiding", ab.ingangsdatum())
                    .filter(ander -> !ander.isEen(Instelling.Soort.WPO, Instelling.Soort.WVO, Instelling.Soort.WEB))
                    .ifPresent(ander -> v.voegToe(catalogus.signaal("399", "BRIN-nummer school ambulante begeleiding", Map.of(
                            "gegeven", "BRIN-nummer van de school of instelling waar de leerling ambulant begeleid wordt",
                            "brin", ander.brin()))));
        }
        // the school the pupil is placed back at is a regular one (handbook 7.4.6, 9.1: teruggeplaatst means 'follows
        // education at a regular school again'), as for ambulante begeleiding; a hostile LAS named its own WEC school.
        // Without a datum uitschrijving (MutatieRegels' 340) the kind is judged all the same: both said in one round
        if (i.brinTeruggeplaatsteLeerling() != null) {
            (i.datumUitschrijving() != null ? geldig(v, i.brinTeruggeplaatsteLeerling(), "datum uitschrijving", i.datumUitschrijving())
                    : instellingen.zoek(i.brinTeruggeplaatsteLeerling()))
                    .filter(ander -> !ander.isEen(Instelling.Soort.WPO, Instelling.Soort.WVO, Instelling.Soort.WEB))
                    .ifPresent(ander -> v.voegToe(catalogus.signaal("399", "BRIN-nummer teruggeplaatste leerling", Map.of(
                            "gegeven", "BRIN-nummer teruggeplaatste leerling", "brin", ander.brin()))));
        }
    }

    /** The institution, when the register has it valid on that date; otherwise 301. */
    private Optional<Instelling> geldig(Verwerking v, String brin, String gegeven, LocalDate op) {
        Optional<Instelling> instelling = instellingen.zoek(brin).filter(x -> x.geldigOp(op));
        if (instelling.isEmpty()) {
            v.voegToe(catalogus.signaal("301", gegeven, Map.of("brin", brin, "gegeven", gegeven, "datum", datum(op))));
        }
        return instelling;
    }

    /** Data only a WEC or VGK enrolment has. */
    private static boolean heeftWecGegevens(Inschrijving i) {
        return !i.indicatiestellingen().isEmpty() || i.isAmbulanteBegeleiding()
                || !i.groep(Groep.SOORT_ONDERWIJS).isEmpty() || !i.groep(Groep.SCHOOLSOORT).isEmpty()
                || !i.groep(Groep.SOORT_VERBLIJF).isEmpty() || i.aanduidingNnca() != null;
    }
}
