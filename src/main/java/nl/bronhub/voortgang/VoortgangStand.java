package nl.bronhub.voortgang;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.aanlevering.Aanleverpunten;
import nl.bronhub.registratie.AanleverpuntRegister;
import org.springframework.stereotype.Component;

/**
 * A school's progress as of today, with the same scores as the voortgangsmail: per aanleverpunt the
 * current-year pupils in BRON against its normaantallen, measured against the expectation of the next
 * mail week (week 3, then week 6).
 */
@Component
public class VoortgangStand {

    public record Stand(String aanleverpuntnummer, LocalDate wachtwoordbrief, Integer week, int drempel,
                        Voortgangsmails.Score leerlingen, Voortgangsmails.Score ab) {
    }

    private final AanleverpuntRegister register;
    private final Aanleverpunten aanleverpunten;
    private final VoortgangTeller teller;
    private final Instellingen instellingen;
    private final Clock klok;
    private final int week3;
    private final int week6;

    public VoortgangStand(AanleverpuntRegister register, Aanleverpunten aanleverpunten, VoortgangTeller teller, Instellingen instellingen,
                          Clock klok, VoortgangEigenschappen eigenschappen) {
        this.register = register;
        this.aanleverpunten = aanleverpunten;
        this.teller = teller;
        this.instellingen = instellingen;
        this.klok = klok;
        this.week3 = eigenschappen.verwachting().week3();
        this.week6 = eigenschappen.verwachting().week6();
    }

    public List<Stand> vanSchool(String brin) {
        LocalDate vandaag = LocalDate.now(klok);
        Instelling.Soort soort = instellingen.zoek(brin).map(Instelling::soort).orElse(Instelling.Soort.WEC);
        return register.vanSchool(brin).stream().map(ap -> {
            LocalDate brief = ap.gegevens().wachtwoordbriefDatum();
            Integer week = brief == null ? null : (int) Math.min(Fase.WEKEN, Math.max(0, ChronoUnit.WEEKS.between(brief, vandaag)));
            // judged against the last milestone passed (the voortgangsmail's): week 3's from the end of week 3, week 6's from
            // the end of week 6; before week 3 has ended there is no expectation yet, and no score is behind
            int drempel = week != null && week >= 6 ? week6 : week3;
            boolean beoordeeld = week != null && week >= 3;
            VoortgangTeller.Telling t = teller.tel(aanleverpunten.id(brin, ap.aanleverpuntnummer()), brin, soort, vandaag);
            Voortgangsmails.Score leerlingen = Voortgangsmails.Score.van(t.leerlingen(), ap.gegevens().normLeerlingen(), drempel);
            Voortgangsmails.Score ab = Voortgangsmails.Score.van(t.abLeerlingen(), ap.gegevens().normAbLeerlingen(), drempel);
            return new Stand(ap.aanleverpuntnummer(), brief, week, drempel, beoordeeld ? leerlingen : leerlingen.zonderOordeel(),
                    beoordeeld ? ab : ab.zonderOordeel());
        }).toList();
    }
}
