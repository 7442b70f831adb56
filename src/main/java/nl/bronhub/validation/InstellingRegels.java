package nl.bronhub.validation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.contract.v1.AmbulanteBegeleiding;
import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.intake.Waardelijsten;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.reference.Instelling;
import nl.bronhub.reference.Instellingen;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;
import static nl.bronhub.processing.Verwerking.gevuld;
import static nl.bronhub.signal.SignaalCatalogus.datum;

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
        Inschrijving i = v.getBericht().getInschrijving();
        if (i == null) {
            return;
        }
        LocalDate inschrijving = datum(i.getDatumInschrijving());
        Optional<Instelling> school = geldig(v, v.getBrin(), "datum inschrijving", inschrijving);
        if (school.isEmpty()) {
            return;
        }
        if (school.get().isEen(Instelling.Soort.WPO) && heeftWecGegevens(i)) {
            v.voegToe(catalogus.signaal("356", null));
        }
        for (GroepVoorkomen g : i.getVestiging()) {
            String volgnummer = g.getWaarde().trim();
            Optional<Instelling.Vestiging> vestiging = school.get().vestiging(volgnummer);
            if (vestiging.isEmpty()) {
                v.voegToe(catalogus.signaal("397", "vestiging", Map.of("vestiging", volgnummer)));
            } else if (!vestiging.get().geldigOp(datum(g.getIngangsdatum()))) {
                v.voegToe(catalogus.signaal("348", "vestiging", Map.of("gegeven", "Vestigingsvolgnummer", "waarde", volgnummer,
                        "gegevenDatum", "datum ingang plaatsing vestiging", "datum", datum(datum(g.getIngangsdatum())))));
            }
        }
        // every period in which a vestiging and a soort onderwijs are both in force, not only where the soort starts
        Set<String> gemeld = new HashSet<>();
        // only while enrolled: a period that starts after the datum uitschrijving is 321's, not in force
        LocalDate uitgeschreven = gevuld(i.getDatumUitschrijving()) ? datum(i.getDatumUitschrijving()) : null;
        // 00 (niet van toepassing) is the soort of ambulante begeleiding and of a WPO school; a place at a WEC
        // vestiging needs a soort that vestiging gives, like any other
        boolean nulToegestaan = Vorm.isAmbulanteBegeleiding(i) || school.get().isEen(Instelling.Soort.WPO);
        for (Vorm.Periode<GroepVoorkomen> soort : Vorm.perioden(i.getSoortOnderwijs())) {
            String code = soort.waarde().getWaarde().trim();
            if ("00".equals(code) && nulToegestaan) {
                continue;
            }
            for (Vorm.Periode<GroepVoorkomen> plaatsing : Vorm.perioden(i.getVestiging())) {
                if (!soort.overlaptMet(plaatsing)) {
                    continue;
                }
                LocalDate vanaf = soort.van().isAfter(plaatsing.van()) ? soort.van() : plaatsing.van();
                if (uitgeschreven != null && vanaf.isAfter(uitgeschreven)) {
                    continue;
                }
                school.get().vestiging(plaatsing.waarde().getWaarde().trim())
                        .filter(vestiging -> !vestiging.soortenOnderwijs().contains(code))
                        .filter(vestiging -> gemeld.add(code + "@" + vestiging.volgnummer()))
                        .ifPresent(vestiging -> v.voegToe(catalogus.signaal("337", "soort onderwijs", Map.of(
                                "soortOnderwijs", Waardelijsten.soortOnderwijs(code), "vestiging", v.getBrin() + vestiging.volgnummer()))));
            }
        }
        for (AmbulanteBegeleiding ab : i.getAmbulanteBegeleiding()) {
            if (!gevuld(ab.getBrinSchool())) {
                continue; // missing, not invalid: ambulanteBegeleidingRegels gives 740
            }
            geldig(v, ab.getBrinSchool(), "datum ingang ambulante begeleiding", datum(ab.getIngangsdatum()))
                    .filter(ander -> !ander.isEen(Instelling.Soort.WPO, Instelling.Soort.WVO, Instelling.Soort.WEB))
                    .ifPresent(ander -> v.voegToe(catalogus.signaal("399", "BRIN-nummer school ambulante begeleiding", Map.of(
                            "gegeven", "BRIN-nummer van de school of instelling waar de leerling ambulant begeleid wordt",
                            "brin", ander.brin()))));
        }
        if (gevuld(i.getBrinTeruggeplaatsteLeerling()) && gevuld(i.getDatumUitschrijving())) {
            geldig(v, i.getBrinTeruggeplaatsteLeerling(), "datum uitschrijving", datum(i.getDatumUitschrijving()));
        }
    }

    /** The institution, when the register has it valid on that date; otherwise 301. */
    private Optional<Instelling> geldig(Verwerking v, String brin, String gegeven, LocalDate op) {
        Optional<Instelling> instelling = instellingen.zoek(brin).filter(x -> x.geldigOp(op));
        if (instelling.isEmpty()) {
            v.voegToe(catalogus.signaal("301", gegeven, Map.of("brin", brin.trim(), "gegeven", gegeven, "datum", datum(op))));
        }
        return instelling;
    }

    /** Data only a WEC or VGK enrolment has. */
    private static boolean heeftWecGegevens(Inschrijving i) {
        return !i.getIndicatiestelling().isEmpty() || !i.getAmbulanteBegeleiding().isEmpty()
                || !i.getSoortOnderwijs().isEmpty() || !i.getSchoolsoort().isEmpty() || !i.getSoortVerblijf().isEmpty()
                || gevuld(i.getAanduidingNnca());
    }
}
