package nl.bronhub.gtb;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.bronhub.referentie.Instelling;
import org.springframework.stereotype.Component;

/**
 * The GTB schedule (connection plan step 12): per school year the peildata of a WPO school and of a WEC
 * or VGK institution, each marked 'always' or 'only when the counts change'. The first school day is
 * the first Monday on or after bron.gtb.eerste-schooldag-vanaf (the regions start in the second half of
 * August). The GTB covers the current school year and bron.gtb.schooljaren-terug before it.
 */
@Component
public class Peildata {

    public record Peildatum(LocalDate datum, boolean altijd) {
    }

    private final int schooljarenTerug;
    private final int eersteSchooldagDag;

    public Peildata(GtbEigenschappen eigenschappen) {
        this.schooljarenTerug = eigenschappen.schooljarenTerug();
        this.eersteSchooldagDag = eigenschappen.eersteSchooldagVanaf();
    }

    /** The year a date's school year starts in (1 August - 31 July). */
    public static int schooljaar(LocalDate datum) {
        return datum.getMonthValue() >= 8 ? datum.getYear() : datum.getYear() - 1;
    }

    public List<Integer> schooljaren(LocalDate vandaag) {
        int huidig = schooljaar(vandaag);
        List<Integer> jaren = new ArrayList<>();
        for (int j = huidig - schooljarenTerug; j <= huidig; j++) {
            jaren.add(j);
        }
        return jaren;
    }

    public LocalDate eersteSchooldag(int jaar) {
        return LocalDate.of(jaar, 8, eersteSchooldagDag).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** The candidate peildata of the covered school years, in order. */
    public List<Peildatum> voor(Instelling.Soort soort, LocalDate vandaag) {
        List<Peildatum> alle = new ArrayList<>();
        for (int jaar : schooljaren(vandaag)) {
            alle.addAll(voor(soort, jaar));
        }
        return alle;
    }

    public List<Peildatum> voor(Instelling.Soort soort, int jaar) {
        List<Peildatum> p = new ArrayList<>();
        if (soort == Instelling.Soort.WPO) {
            p.add(new Peildatum(LocalDate.of(jaar, 8, 1), true));
            p.add(new Peildatum(eersteSchooldag(jaar), false));
            for (int m = 0; m < 12; m++) {
                LocalDate eerste = LocalDate.of(jaar, 8, 1).plusMonths(m);
                if (m == 0) {
                    continue;
                }
                boolean altijd = eerste.getMonthValue() == 10 || eerste.getMonthValue() == 3;
                p.add(new Peildatum(eerste, altijd));
            }
        } else {
            p.add(new Peildatum(eersteSchooldag(jaar), true));
            p.add(new Peildatum(LocalDate.of(jaar, 10, 1), true));
            p.add(new Peildatum(LocalDate.of(jaar + 1, 1, 16), false));
            p.add(new Peildatum(LocalDate.of(jaar + 1, 3, 1), true));
        }
        p.sort(Comparator.comparing(Peildatum::datum));
        return p;
    }

    /** Whether the date is a peildatum of a school of this kind (in its school year's schedule). */
    public boolean isPeildatum(Instelling.Soort soort, LocalDate datum) {
        return heeftGtb(soort) && voor(soort, schooljaar(datum)).stream().anyMatch(p -> p.datum().equals(datum));
    }

    /** Whether a school of this kind has a GTB at all. */
    public static boolean heeftGtb(Instelling.Soort soort) {
        return soort == Instelling.Soort.WPO || soort == Instelling.Soort.WEC || soort == Instelling.Soort.VGK;
    }
}
