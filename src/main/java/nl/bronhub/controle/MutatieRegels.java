package nl.bronhub.controle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.registratie.RegisterLezer;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;


/**
 * The mutation against what the register holds (handbook 7.3-7.6): an uitschrijven needs its datum
 * uitschrijving (740); a BRIN teruggeplaatste leerling
 * needs a datum uitschrijving (340); a second, overlapping enrolment at the same school is refused
 * (311); a wijzigen or uitschrijven without the original enrolment registers it anew (400), also for a
 * pupil BRON did not know; a re-indication with another onderwijssoort on the date of a registered one is 349.
 */
@Component
public class MutatieRegels implements InhoudRegel {

    /** The signals of identification: the pupil came without a number and the hub found or gave one. */
    private static final Set<String> DOOR_DE_HUB_GEIDENTIFICEERD = Set.of("755", "756", "757");

    private final RegisterLezer register;
    private final SignaalCatalogus catalogus;

    public MutatieRegels(RegisterLezer register, SignaalCatalogus catalogus) {
        this.register = register;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("311", "340", "349", "400", "740");
    }

    @Override
    public void controleer(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null || v.is(Mutatiesoort.VERWIJDEREN)) {
            return;
        }
        if (v.is(Mutatiesoort.UITSCHRIJVEN) && i.datumUitschrijving() == null) {
            // handbook 7.5: uitschrijven is registering the datum uitschrijving; without it nothing would change
            v.voegToe(catalogus.signaal("740", "datum uitschrijving", Map.of("gegeven", "Datum uitschrijving")));
        }
        if (i.brinTeruggeplaatsteLeerling() != null && i.datumUitschrijving() == null) {
            v.voegToe(catalogus.signaal("340", "BRIN-nummer teruggeplaatste leerling",
                    Map.of("brin", i.brinTeruggeplaatsteLeerling())));
        }
        if (v.getPgn() != null) {
            tegenHetRegister(v, i);
        }
        // else: sent without a number; naIdentificatie checks once identification has found or given one
    }

    /**
     * For a pupil sent without a number, after identification (routes/50-gba-controle): the number
     * found (755, 756) may have enrolments; a new one (757) has none, so a wijzigen or uitschrijven is 400.
     */
    public void naIdentificatieAlle(Reeks reeks) {
        reeks.elk(this::naIdentificatie);
    }

    public void naIdentificatie(Verwerking v) {
        Inschrijving i = v.inschrijving();
        if (i == null || v.is(Mutatiesoort.VERWIJDEREN) || v.getPgn() == null
                || v.getSignalen().stream().noneMatch(s -> DOOR_DE_HUB_GEIDENTIFICEERD.contains(s.code()))) {
            return;
        }
        tegenHetRegister(v, i);
    }

    /**
     * 349: a re-indication is stored beside the registered ones, so one with another onderwijssoort on a date the
     * register already holds an indication for would leave two on one date (which one is in force is then undefined).
     */
    private void indicatieOpEenGeregistreerdeDatum(Verwerking v, Inschrijving i, Inschrijving geregistreerd) {
        if (geregistreerd == null) {
            return;
        }
        Set<LocalDate> gemeld = new HashSet<>();
        for (Indicatiestelling nieuw : i.indicatiestellingen()) {
            LocalDate d = nieuw.datum();
            boolean andereOpDieDatum = geregistreerd.indicatiestellingen().stream()
                    .anyMatch(x -> x.datum().equals(d) && !x.onderwijssoort().equals(nieuw.onderwijssoort()));
            if (andereOpDieDatum && gemeld.add(d)) {
                v.voegToe(catalogus.signaal("349", "indicatiestelling", Map.of("gegeven", "Datum indicatiestelling",
                        "waarde", SignaalCatalogus.datum(d), "groep", "indicatiestelling")));
            }
        }
    }

    private void tegenHetRegister(Verwerking v, Inschrijving i) {
        LocalDate van = i.datumInschrijving();
        List<RegisterLezer.Periode> bestaand = new ArrayList<>();
        v.registerNummers().forEach(n -> bestaand.addAll(register.inschrijvingen(n, v.getBrin())));
        if (bestaand.stream().anyMatch(p -> p.inschrijving().equals(van))) {
            // the same enrolment: a wijzigen; a datum uitschrijving it moves (handbook 7.4.1) may not run into another one
            if (bestaand.stream().anyMatch(p -> !p.inschrijving().equals(van) && p.overlaptMet(van, i.datumUitschrijving()))) {
                v.voegToe(catalogus.signaal("311", null));
            }
            indicatieOpEenGeregistreerdeDatum(v, i, register.inschrijving(v.registerNummers(), v.getBrin(), van));
            return;
        }
        if (bestaand.stream().anyMatch(p -> p.overlaptMet(van, i.datumUitschrijving()))) {
            v.voegToe(catalogus.signaal("311", null));
        } else if (v.is(Mutatiesoort.WIJZIGEN) || v.is(Mutatiesoort.UITSCHRIJVEN)) {
            v.voegToe(catalogus.signaal("400", null));
        }
    }
}
