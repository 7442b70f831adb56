package nl.bronhub.gtb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import nl.bronhub.gtb.GtbPerioden.Periode;
import nl.bronhub.gtb.GtbRegels.Categorie;
import nl.bronhub.gtb.GtbRegels.Rij;
import nl.bronhub.gtb.GtbRegels.Signaal;
import nl.bronhub.referentie.Instelling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How the GTB rows are stored as periods, without a hub: the real schedule of a WEC school in 2026/27 (17-08-2026,
 * 01-10-2026, 16-01-2027, 01-03-2027) and of a WPO school (1 August, 17 August, the first of every month). Every case
 * also checks that the periods give back exactly the rows they were made of, on every peildatum of the schedule.
 */
class GtbPeriodenTest {

    private static final Peildata PEILDATA = new Peildata(new GtbEigenschappen(60_000, 0, 200, 0, 17, 28, 5,
            "config/gtb-signalen.yaml", new GtbEigenschappen.AbOpgaven("ab", 60_000, 1_000_000)));
    private static final int JAAR = 2026;
    private static final LocalDate AUGUSTUS = LocalDate.of(2026, 8, 17);
    private static final LocalDate OKTOBER = LocalDate.of(2026, 10, 1);
    private static final LocalDate JANUARI = LocalDate.of(2027, 1, 16);
    private static final LocalDate MAART = LocalDate.of(2027, 3, 1);

    private static final String WEC = "10AA";
    private static final String WPO = "71WA";

    /** A pupil counted the same on all four peildata of its WEC school is one period, not four rows. */
    @Test
    void eenGelijkeStandOpElkePeildatumIsEenPeriode() {
        List<Rij> rijen = List.of(rij(1, AUGUSTUS), rij(1, OKTOBER), rij(1, JANUARI), rij(1, MAART));
        List<Periode> perioden = perioden(Map.of(), rijen);
        assertThat(perioden).extracting(Periode::eerste, Periode::laatste)
                .containsExactly(tuple(AUGUSTUS, MAART));
        assertThat(terug(perioden, WEC)).containsExactlyInAnyOrderElementsOf(rijen);
    }

    /** A WPO pupil enrolled all year: thirteen peildata, one period. */
    @Test
    void eenWpoLeerlingHeelHetJaarIsEenPeriodeVoorDertienPeildata() {
        List<Rij> rijen = new ArrayList<>();
        PEILDATA.voor(Instelling.Soort.WPO, JAAR).forEach(p -> rijen.add(new Rij(p.datum(), 7, WPO, "01", Categorie.BEKOSTIGD, "BAO",
                "8-12", false, List.of())));
        assertThat(rijen).hasSize(13);
        List<Periode> perioden = perioden(Map.of(), rijen);
        assertThat(perioden).hasSize(1);
        assertThat(terug(perioden, WPO)).containsExactlyInAnyOrderElementsOf(rijen);
    }

    /** Another vestiging from January, or a peildatum without the pupil, starts a new period. */
    @Test
    void eenAndereStandOfEenPeildatumZonderDeLeerlingBegintEenNieuwePeriode() {
        Rij januari = new Rij(JANUARI, 1, WEC, "02", Categorie.BEKOSTIGD, "SO", "8-12", false, List.of());
        List<Rij> rijen = List.of(rij(1, AUGUSTUS), rij(1, OKTOBER), januari, rij(1, MAART));
        List<Periode> perioden = perioden(Map.of(), rijen);
        assertThat(perioden).extracting(Periode::eerste).containsExactly(AUGUSTUS, JANUARI, MAART);
        assertThat(terug(perioden, WEC)).containsExactlyInAnyOrderElementsOf(rijen);

        // not enrolled on 1 October: August and January are not one period, although they stand the same
        List<Rij> gat = List.of(rij(1, AUGUSTUS), rij(1, JANUARI), rij(1, MAART));
        List<Periode> metGat = perioden(Map.of(), gat);
        assertThat(metGat).extracting(Periode::eerste, Periode::laatste).containsExactly(
                tuple(AUGUSTUS, AUGUSTUS), tuple(JANUARI, MAART));
        assertThat(terug(metGat, WEC)).containsExactlyInAnyOrderElementsOf(gat);
    }

    /** A peildatum whose GTB is vastgesteld is a period of its own, so what was fixed there can be read apart. */
    @Test
    void eenVastgesteldePeildatumIsEenPeriodeOpZichzelf() {
        List<Rij> rijen = List.of(rij(1, AUGUSTUS), rij(1, OKTOBER), rij(1, JANUARI), rij(1, MAART));
        List<Periode> perioden = perioden(Map.of(WEC, new TreeSet<>(List.of(OKTOBER))), rijen);
        assertThat(perioden).extracting(Periode::eerste, Periode::laatste).containsExactly(
                tuple(AUGUSTUS, AUGUSTUS), tuple(OKTOBER, OKTOBER),
                tuple(JANUARI, MAART));
        assertThat(terug(perioden, WEC)).containsExactlyInAnyOrderElementsOf(rijen);
    }

    /**
     * Signals are part of the standing: the same signals listed in another order join, a signal that starts again (another
     * datum ingang) does not; two inschrijvingen never share a period.
     */
    @Test
    void signalenHorenBijDeStandEnTweeInschrijvingenDelenNooitEenPeriode() {
        Signaal s2 = new Signaal(2, AUGUSTUS, "10AB");
        Signaal s16 = new Signaal(16, AUGUSTUS, null);
        List<Rij> rijen = List.of(rij(1, AUGUSTUS, s2, s16), rij(1, OKTOBER, s16, s2), rij(1, JANUARI, s2, new Signaal(16, JANUARI, null)),
                rij(2, AUGUSTUS), rij(2, OKTOBER));
        List<Periode> perioden = perioden(Map.of(), rijen);
        assertThat(perioden).extracting(Periode::inschrijvingId, Periode::eerste, Periode::laatste).containsExactly(
                tuple(1L, AUGUSTUS, OKTOBER), tuple(1L, JANUARI, JANUARI),
                tuple(2L, AUGUSTUS, OKTOBER));
        assertThat(perioden.get(0).signalen()).extracting(Signaal::code).containsExactly(2, 16);
        assertThat(terug(perioden, WEC)).extracting(Rij::peildatum, Rij::inschrijvingId).containsExactlyInAnyOrder(
                tuple(AUGUSTUS, 1L), tuple(OKTOBER, 1L),
                tuple(JANUARI, 1L), tuple(AUGUSTUS, 2L),
                tuple(OKTOBER, 2L));
    }

    /** The same rows, in any order, make the same periods: a recomputation that changes nothing writes nothing. */
    @Test
    void deVolgordeVanDeRijenMaaktNietUit() {
        List<Rij> rijen = new ArrayList<>(List.of(rij(2, OKTOBER), rij(1, MAART), rij(1, AUGUSTUS), rij(2, AUGUSTUS), rij(1, OKTOBER),
                rij(1, JANUARI)));
        List<Periode> eerst = perioden(Map.of(), rijen);
        Collections.reverse(rijen);
        assertThat(perioden(Map.of(), rijen)).isEqualTo(eerst);
    }

    private static Rij rij(long inschrijving, LocalDate peildatum, Signaal... signalen) {
        return new Rij(peildatum, inschrijving, WEC, "01", Categorie.BEKOSTIGD, "SO", "8-12", false, List.of(signalen));
    }

    private static List<Periode> perioden(Map<String, NavigableSet<LocalDate>> vast, List<Rij> rijen) {
        GtbPerioden perioden = new GtbPerioden(vast, brin -> PEILDATA.voor(brin.equals(WPO) ? Instelling.Soort.WPO : Instelling.Soort.WEC,
                LocalDate.of(2026, 9, 15)));
        return perioden.perioden(42, rijen);
    }

    /** The rows the periods hold, read on every peildatum of the school's schedule (signals in the stored order). */
    private static List<Rij> terug(List<Periode> perioden, String brin) {
        List<Rij> rijen = new ArrayList<>();
        for (Peildata.Peildatum p : PEILDATA.voor(brin.equals(WPO) ? Instelling.Soort.WPO : Instelling.Soort.WEC, JAAR)) {
            for (Periode periode : perioden) {
                if (!p.datum().isBefore(periode.eerste()) && !p.datum().isAfter(periode.laatste())) {
                    rijen.add(periode.op(p.datum()));
                }
            }
        }
        return rijen;
    }
}
