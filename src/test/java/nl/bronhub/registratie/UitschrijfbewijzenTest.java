package nl.bronhub.registratie;

import java.time.LocalDate;
import java.util.List;

import nl.bronhub.registratie.Uitschrijfbewijzen.Besluit;
import nl.bronhub.registratie.Uitschrijfbewijzen.Plaats;
import nl.bronhub.registratie.Uitschrijfbewijzen.Reden;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an uitschrijfbewijs is made, without a hub: one pupil's enrolments (never ambulante begeleiding: the bean leaves
 * those out before it asks; ids in the order they were registered), and the window of 62 days.
 */
class UitschrijfbewijzenTest {

    /** Left 30 September, enrolled elsewhere 1 October: one bewijs, to the aanleverpunt that registered the new one. */
    @Test
    void eenInschrijvingEldersNaDeUitschrijvingMaaktEenBewijs() {
        Plaats a = plaats(1, "00AA", "2025-08-01", "2026-09-30", null, 10);
        Plaats b = plaats(2, "00CC", "2026-10-01", null, null, 30);
        List<Besluit> vanuitA = besluiten(a, a, b);
        assertThat(vanuitA).containsExactly(new Besluit(a, "00CC", 30, Reden.INGESCHREVEN, LocalDate.of(2026, 10, 1)));
        // the same, whichever of the two schools sent last
        assertThat(besluiten(b, a, b)).isEqualTo(vanuitA);
    }

    /** The window: on the datum uitschrijving and 62 days after it count, the day before and day 63 do not. */
    @Test
    void alleenEenInschrijvingKortNaDeUitschrijvingTelt() {
        Plaats a = plaats(1, "00AA", "2025-08-01", "2026-06-30", null, 10);
        assertThat(besluiten(a, a, plaats(2, "00CC", "2026-06-30", null, null, 30))).hasSize(1);
        assertThat(besluiten(a, a, plaats(2, "00CC", "2026-08-31", null, null, 30))).hasSize(1);
        assertThat(besluiten(a, a, plaats(2, "00CC", "2026-09-01", null, null, 30))).isEmpty();
        assertThat(besluiten(a, a, plaats(2, "00CC", "2026-06-29", null, null, 30))).isEmpty();
    }

    /** The uitschrijving names a school: nothing before that school registered the pupil (it has not shown they go there). */
    @Test
    void eenGenoemdeSchoolKrijgtNietsVoordatZeDeLeerlingInschrijft() {
        Plaats a = plaats(1, "00AA", "2025-08-01", "2026-07-31", "00BB", 10);
        assertThat(besluiten(a, a)).isEmpty();
    }

    /** The school named gets it whenever it enrols the pupil after the uitschrijving, also past the window. */
    @Test
    void eenGenoemdeSchoolKrijgtHetBewijsOokNaHetVenster() {
        Plaats a = plaats(1, "00AA", "2025-08-01", "2026-07-31", "00BB", 10);
        Plaats b = plaats(2, "00BB", "2027-01-04", null, null, 21);
        assertThat(besluiten(a, a, b)).containsExactly(new Besluit(a, "00BB", 21, Reden.TERUGGEPLAATST, LocalDate.of(2027, 1, 4)));
        assertThat(besluiten(a, a, plaats(2, "00CC", "2027-01-04", null, null, 30))).isEmpty();
    }

    /**
     * A made-up earlier enrolment: a school registers the pupil from a date in the past up to the day before the pupil's
     * current enrolment elsewhere. The current school's enrolment was registered first: no bewijs either way, so the
     * school learns nothing of where the pupil is and the current school gets no false bewijs.
     */
    @Test
    void eenLaterGeregistreerdeEerdereInschrijvingMaaktGeenBewijs() {
        Plaats huidig = plaats(1, "00AA", "2026-08-01", null, null, 10);
        Plaats verzonnen = plaats(2, "00CC", "2025-08-01", "2026-07-31", null, 30);
        assertThat(besluiten(verzonnen, huidig, verzonnen)).isEmpty();
        Plaats verzonnenGenoemd = plaats(2, "00CC", "2025-08-01", "2026-07-31", "00AA", 30);
        assertThat(besluiten(verzonnenGenoemd, huidig, verzonnenGenoemd)).isEmpty();
        // the same two enrolments registered in the other order are a move
        assertThat(besluiten(plaats(2, "00AA", "2026-08-01", null, null, 10), plaats(1, "00CC", "2025-08-01", "2026-07-31", null, 30),
                plaats(2, "00AA", "2026-08-01", null, null, 10))).hasSize(1);
    }

    /** Named and enrolled: one bewijs, to the enrolment's aanleverpunt, reden teruggeplaatst. */
    @Test
    void genoemdEnIngeschrevenIsEenBewijs() {
        Plaats a = plaats(1, "00AA", "2025-08-01", "2026-07-31", "00BB", 10);
        Plaats b = plaats(2, "00BB", "2026-08-01", null, null, 21);
        assertThat(besluiten(a, a, b)).containsExactly(new Besluit(a, "00BB", 21, Reden.TERUGGEPLAATST, LocalDate.of(2026, 8, 1)));
    }

    /** Re-enrolled at the same school, or the school names itself: never a bewijs to the school left. */
    @Test
    void deEigenSchoolKrijgtNooitEenBewijs() {
        Plaats a = plaats(1, "00BB", "2025-08-01", "2026-09-30", "00BB", 10);
        Plaats weer = plaats(2, "00BB", "2026-10-01", null, null, 10);
        assertThat(besluiten(a, a, weer)).isEmpty();
        assertThat(besluiten(weer, a, weer)).isEmpty();
    }

    /** Without a datum uitschrijving nothing is left: an enrolment elsewhere is a dubbele inschrijving, not a move. */
    @Test
    void zonderDatumUitschrijvingGeenBewijs() {
        Plaats a = plaats(1, "00AA", "2025-08-01", null, "00BB", 10);
        assertThat(besluiten(a, a, plaats(2, "00CC", "2026-10-01", null, null, 30))).isEmpty();
    }

    /** A new enrolment judges only the moves to its own school: an older move of the pupil elsewhere is not repeated. */
    @Test
    void eenNieuweInschrijvingBeoordeeltAlleenDeKomstNaarDeEigenSchool() {
        Plaats a = plaats(1, "00AA", "2024-08-01", "2025-07-31", null, 10);
        Plaats b = plaats(2, "00CC", "2025-08-01", "2026-09-30", null, 30);
        Plaats c = plaats(3, "00EE", "2026-10-01", null, null, 40);
        assertThat(besluiten(c, a, b, c)).extracting(x -> x.van().brin() + ">" + x.naarBrin()).containsExactly("00CC>00EE");
    }

    private static List<Besluit> besluiten(Plaats eigen, Plaats... plaatsen) {
        return Uitschrijfbewijzen.besluiten(eigen, List.of(plaatsen), 62);
    }

    private static Plaats plaats(long id, String brin, String in, String uit, String genoemd, long aanleverpunt) {
        return new Plaats(id, brin, LocalDate.parse(in), uit == null ? null : LocalDate.parse(uit), genoemd, aanleverpunt);
    }
}
