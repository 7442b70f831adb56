package nl.bronhub.verwerking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.bronhub.model.Bericht;
import nl.bronhub.model.GbaAntwoord;
import nl.bronhub.model.GbaPersoon;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a poll's berichten are cut into reeksen: as long as bron.verwerking.per-transactie allows, unless a pupil would
 * occur twice. Pupils sent without a number join a reeks too (they were a reeks of their own each, and 15% of a school's
 * pupils come without one), by the BSN the person register found, or else by birth date and sex.
 */
class WerkvoorraadTest {

    private long volgende = 1;

    @Test
    void leerlingenZonderNummerGaanMeeInDeReeks() {
        List<Verwerking> berichten = List.of(metBsn("999990019", "2016-01-01"), zonderNummer("2016-02-02", GbaAntwoord.NIETS),
                metBsn("999990020", "2016-03-03"), zonderNummer("2016-04-04", GbaAntwoord.NIETS),
                metOnderwijsnummer("100000009", "2016-05-05"));

        assertThat(reeksen(berichten, 20)).containsExactly(5);
    }

    @Test
    void eenNummerTweemaalBegintEenNieuweReeks() {
        List<Verwerking> berichten = List.of(metBsn("999990019", "2016-01-01"), metBsn("999990020", "2016-03-03"),
                metBsn("999990019", "2016-01-01"), metBsn("999990031", "2016-06-06"));

        assertThat(reeksen(berichten, 20)).containsExactly(2, 2);
    }

    @Test
    void tweeLeerlingenZonderNummerMetDezelfdeGeboortedatumEnHetzelfdeGeslachtNietInEenReeks() {
        // identification may give the second the onderwijsnummer it gave the first (756): it must see the first registered
        List<Verwerking> berichten = List.of(zonderNummer("2016-02-02", GbaAntwoord.NIETS), metBsn("999990020", "2016-03-03"),
                zonderNummer("2016-02-02", GbaAntwoord.NIETS));

        assertThat(reeksen(berichten, 20)).containsExactly(2, 1);
    }

    @Test
    void eenOnderwijsnummerEnEenLeerlingZonderNummerMetDezelfdeGeboortedatumEnHetzelfdeGeslachtNietInEenReeks() {
        List<Verwerking> berichten = List.of(metOnderwijsnummer("100000009", "2016-05-05"), zonderNummer("2016-05-05", GbaAntwoord.NIETS));

        assertThat(reeksen(berichten, 20)).containsExactly(1, 1);
    }

    @Test
    void eenLeerlingZonderNummerDieHetPersonenregisterVondTeltAlsZijnBsn() {
        GbaAntwoord gevonden = new GbaAntwoord(Optional.empty(), List.of(gba("999990019", "2016-02-02", "1234AB")));
        // found under the BSN of the first pupil: not in their reeks; by birth date alone they would have been
        List<Verwerking> berichten = List.of(metBsn("999990019", "2016-01-01"), zonderNummer("2016-02-02", gevonden),
                zonderNummer("2016-02-02", gevonden));

        assertThat(reeksen(berichten, 20)).containsExactly(1, 1, 1);
    }

    @Test
    void eenGevondenPersoonMetEenAnderePostcodeIsNietDeLeerling() {
        // the person register's person lives elsewhere: not 755, so birth date and sex are the key
        GbaAntwoord elders = new GbaAntwoord(Optional.empty(), List.of(gba("999990019", "2016-02-02", "9999ZZ")));
        List<Verwerking> berichten = List.of(metBsn("999990019", "2016-01-01"), zonderNummer("2016-02-02", elders));

        assertThat(reeksen(berichten, 20)).containsExactly(2);
    }

    @Test
    void eenLeerlingOverWieHetPersonenregisterNietIsGevraagdGaatAlleen() {
        List<Verwerking> berichten = List.of(metBsn("999990019", "2016-01-01"), zonderNummer("2016-02-02", null),
                metBsn("999990020", "2016-03-03"));

        assertThat(reeksen(berichten, 20)).containsExactly(1, 1, 1);
    }

    @Test
    void eenReeksHoogstensPerTransactie() {
        List<Verwerking> berichten = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            berichten.add(zonderNummer("2016-02-0" + (i + 1), GbaAntwoord.NIETS));
        }

        assertThat(reeksen(berichten, 3)).containsExactly(3, 3, 1);
    }

    /** The sizes of the reeksen the werkvoorraad hands out, each reported done. */
    private static List<Integer> reeksen(List<Verwerking> berichten, int perTransactie) {
        Werkvoorraad w = new Werkvoorraad(1L, perTransactie, berichten);
        List<Integer> grootte = new ArrayList<>();
        while (w.isHeeftVolgende()) {
            Reeks r = w.getVolgende();
            grootte.add(r.getAantal());
            w.klaar(r);
        }
        return grootte;
    }

    private Verwerking metBsn(String bsn, String geboortedatum) {
        return verwerking(leerling(bsn, null, geboortedatum), GbaAntwoord.NIETS);
    }

    private Verwerking metOnderwijsnummer(String onderwijsnummer, String geboortedatum) {
        return verwerking(leerling(null, onderwijsnummer, geboortedatum), GbaAntwoord.NIETS);
    }

    private Verwerking zonderNummer(String geboortedatum, GbaAntwoord gba) {
        return verwerking(leerling(null, null, geboortedatum), gba);
    }

    private Verwerking verwerking(Leerling leerling, GbaAntwoord gba) {
        long id = volgende++;
        Verwerking v = new Verwerking(id, 1L, "10AA", new Bericht("b-" + id, Mutatiesoort.INSCHRIJVEN, leerling, null));
        if (gba != null) {
            v.setGba(gba);
        }
        return v;
    }

    private static Leerling leerling(String bsn, String onderwijsnummer, String geboortedatum) {
        return new Leerling(bsn, onderwijsnummer, LocalDate.parse(geboortedatum), "M", "Jansen", null, "Piet", "Teststraat", "1",
                null, "1234AB", "Utrecht", null, null, null, null, false);
    }

    private static GbaPersoon gba(String bsn, String geboortedatum, String postcode) {
        return new GbaPersoon(bsn, LocalDate.parse(geboortedatum), "M", null, "Jansen", "Piet", "Teststraat", "1", null, postcode,
                "Utrecht", false);
    }
}
