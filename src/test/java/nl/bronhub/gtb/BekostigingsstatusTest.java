package nl.bronhub.gtb;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import nl.bronhub.ConfigLezer;
import nl.bronhub.gtb.Bekostigingsstatus.GtbSignaal;
import nl.bronhub.gtb.Bekostigingsstatus.Status;
import nl.bronhub.gtb.GtbRegels.Indicatie;
import nl.bronhub.gtb.GtbRegels.Inschrijving;
import nl.bronhub.gtb.GtbRegels.Leerling;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.referentie.ReferentieEigenschappen;
import nl.bronhub.support.Hub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding status in a terugkoppeling, without a hub: the GTB's own rules on the tests' reference register (10AA a
 * WEC school: peildata in 2026/27 are 17-08, 01-10, 16-01, 01-03; 71WA a WPO school, peildata 1 August and the first of
 * every month; 71VO a WVO school, no GTB). Today is 2 November 2026.
 */
class BekostigingsstatusTest {

    private static final Instellingen INSTELLINGEN = new Instellingen(new ReferentieEigenschappen("src/test/resources/referentie/instellingen.yaml"), new ConfigLezer());
    private static final LocalDate VANDAAG = LocalDate.of(2026, 11, 2);

    private static final GtbEigenschappen GTB = new GtbEigenschappen(60_000, 0, 200, 2, 17, 28, 5, Hub.GTB_SIGNALEN,
            new GtbEigenschappen.AbOpgaven("ab", 60_000, 1_000_000));

    private final Bekostigingsstatus status = new Bekostigingsstatus(new GtbRegels(INSTELLINGEN, new Peildata(GTB)),
            null, new GtbSignalen(GTB, new ConfigLezer()), INSTELLINGEN);

    /** Enrolled mid-September: counts from the next peildatum, 1 October, not from the first school day before it. */
    @Test
    void eenInschrijvingTeltVanafDeVolgendePeildatum() {
        Status s = van(wec(1, "10AA", "2026-09-15", null, "J"));
        assertThat(s.telt()).isTrue();
        assertThat(s.peildatum()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(s.signalen()).isEmpty();
    }

    /** Enrolled on a peildatum: counts from that very day (on or after). */
    @Test
    void eenInschrijvingOpEenPeildatumTeltVanafDieDag() {
        assertThat(van(wec(1, "10AA", "2026-08-17", null, "J")).peildatum()).isEqualTo(LocalDate.of(2026, 8, 17));
    }

    /** Indicatie bekostiging N (unauthorised absence): not counted, and signal 12 with its text says why. */
    @Test
    void nietBekostigbaarHoudtDeLeerlingBuitenMetSignaalTwaalf() {
        Status s = van(wec(1, "10AA", "2026-08-01", null, "N"));
        assertThat(s.telt()).isFalse();
        assertThat(s.peildatum()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(s.signalen()).extracting(GtbSignaal::code).containsExactly(12);
        assertThat(s.signalen().get(0).tekst()).contains("ongeoorloofd verzuim");
    }

    /** 'N' only until 1 October, then 'J': the pupil counts from 1 October, the later peildatum the rules count on. */
    @Test
    void eenLatereTellendePeildatumIsVanafWanneerDeLeerlingTelt() {
        Inschrijving i = wec(1, "10AA", "2026-08-01", null, "N");
        i.groepen().get("indicatie_bekostiging").put(LocalDate.of(2026, 10, 1), "J");
        assertThat(van(i)).isEqualTo(new Status(true, LocalDate.of(2026, 10, 1), List.of()));
    }

    /**
     * Enrolled since 2025 but indicated only in June 2026 (signal 16 before it), left 31 October 2026: the status of the
     * uitschrijving says the pupil counted, from the first school day after the indication, until they left.
     */
    @Test
    void eenUitschrijvingNaPeildataTeltTotDeUitschrijving() {
        assertThat(van(wec(1, "10AA", "2025-08-01", "2026-10-31", "J")))
                .isEqualTo(new Status(true, LocalDate.of(2026, 8, 17), List.of()));
    }

    /** Left before any peildatum: signal 1 on the first one after the inschrijving. */
    @Test
    void uitgeschrevenVoorDeEerstePeildatumTeltNiet() {
        Status s = van(wec(1, "10AA", "2026-09-01", "2026-09-20", "J"));
        assertThat(s.telt()).isFalse();
        assertThat(s.peildatum()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(s.signalen()).extracting(GtbSignaal::code).containsExactly(1);
    }

    /**
     * A pupil also enrolled, more recently, elsewhere: counted on the first school day, but from 1 October on signal 2
     * keeps them out here, naming the other school. The status is how they stand now, not how they started.
     */
    @Test
    void eenRecentereInschrijvingEldersHoudtDeLeerlingBuiten() {
        Inschrijving hier = wec(1, "10AA", "2026-08-01", null, "J");
        Inschrijving daar = wec(2, "10AB", "2026-09-01", null, "J");
        Status s = status.van(new Leerling(1, "100000009", LocalDate.of(2016, 3, 14), List.of(hier, daar), Set.of()), 1, VANDAAG)
                .orElseThrow();
        assertThat(s.telt()).isFalse();
        assertThat(s.peildatum()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(s.signalen()).extracting(GtbSignaal::code).containsExactly(2);
        assertThat(s.signalen().get(0).tekst()).contains("10AB");
    }

    /** An inschrijving starting next school year: judged on that year's peildata, though the GTB does not cover it yet. */
    @Test
    void eenInschrijvingInHetVolgendeSchooljaarTeltVanafDiensEerstePeildatum() {
        assertThat(van(wec(1, "10AA", "2027-08-01", null, "J")).peildatum()).isEqualTo(LocalDate.of(2027, 8, 23));
    }

    /** No GTB for a WVO school: no status at all (the terugkoppeling then has no bekostiging). */
    @Test
    void eenSchoolZonderGtbHeeftGeenStatus() {
        Inschrijving i = wec(1, "71VO", "2026-08-01", null, "J");
        assertThat(status.van(leerling(i), 1, VANDAAG)).isEmpty();
    }

    private Status van(Inschrijving i) {
        return status.van(leerling(i), i.id(), VANDAAG).orElseThrow();
    }

    private static Leerling leerling(Inschrijving... inschrijvingen) {
        return new Leerling(1, "100000009", LocalDate.of(2016, 3, 14), List.of(inschrijvingen), Set.of());
    }

    private static Inschrijving wec(long id, String brin, String datum, String uit, String bekostiging) {
        LocalDate d = LocalDate.parse(datum);
        Map<String, NavigableMap<LocalDate, String>> groepen = new HashMap<>();
        groepen.put("vestiging", new TreeMap<>(Map.of(d, "01")));
        groepen.put("soort_verblijf", new TreeMap<>(Map.of(d, "0")));
        groepen.put("soort_onderwijs", new TreeMap<>(Map.of(d, "33")));
        groepen.put("indicatie_bekostiging", new TreeMap<>(Map.of(d, bekostiging)));
        return new Inschrijving(id, brin, d, uit == null ? null : LocalDate.parse(uit), null, "1", groepen,
                List.of(new Indicatie(LocalDate.of(2026, 6, 15), "33", "12RC")), List.of());
    }
}
