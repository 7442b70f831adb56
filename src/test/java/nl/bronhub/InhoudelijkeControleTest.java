package nl.bronhub;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asynchronous stages: content check, GBA and register. The format check accepts these
 * berichten ('ontvangen'); the signals arrive in the terugkoppeling.
 */
class InhoudelijkeControleTest extends SignaalTest {

    @Test
    void eenDatumOpOfVoorDeGeboortedatumGeeft305() {
        Terugkoppeling t = verwerk("30AA", inschrijven(zonderPgn("2018-09-01"), wec("2018-08-01")));
        afgekeurdMet(t, "305", "Het veld datum inschrijving 01-08-2018 moet na de geboortedatum 01-09-2018 liggen.", "30AA");
    }

    @Test
    void uitschrijvingVoorInschrijvingGeeft314() {
        var inschrijving = wec("2026-08-01");
        inschrijving.setDatumUitschrijving("2026-07-31");
        Terugkoppeling t = verwerk("30AB", inschrijven(zonderPgn("2016-01-01"), inschrijving));
        afgekeurdMet(t, "314", "Datum uitschrijving 31-07-2026 ligt voor de datum inschrijving 01-08-2026.", "30AB");
    }

    @Test
    void uitschrijvingMeerDanEenJaarVooruitGeeftAttentie331() {
        var inschrijving = wec("2026-08-01");
        inschrijving.setDatumUitschrijving("2027-11-03");
        Terugkoppeling t = verwerk("30AC", inschrijven(zonderPgn("2016-01-01"), inschrijving));
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).contains("331");
        assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("331")).singleElement().satisfies(s -> {
            assertThat(s.getErnst()).isEqualTo(Ernst.ATTENTIE);
            assertThat(s.getOmschrijving()).isEqualTo("Datum uitschrijving 03-11-2027 ligt verder dan één jaar in de toekomst, "
                    + "wat normaal gesproken niet juist is.");
        });
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getInschrijving().getDatumUitschrijving()).isEqualTo("2027-11-03");
    }

    /** A group's period so far ahead is judged as a datum uitschrijving is (a hostile LAS's vestiging from 2099 went unremarked). */
    @Test
    void eenPeriodeMeerDanEenJaarVooruitGeeftAttentie331() {
        var inschrijving = wec("2026-08-01");
        inschrijving.getLeerjaar().add(Berichten.groep("2099-08-01", "4"));
        Terugkoppeling t = verwerk("73BD", inschrijven(zonderPgn("2016-01-01"), inschrijving));
        assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("331")).singleElement().satisfies(s -> {
            assertThat(s.getErnst()).isEqualTo(Ernst.ATTENTIE);
            assertThat(s.getOmschrijving()).isEqualTo("Datum ingang leerjaar/groep 01-08-2099 ligt verder dan één jaar in de toekomst, "
                    + "wat normaal gesproken niet juist is.");
        });
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
    }

    @Test
    void inschrijvingMeerDanEenJaarVooruitGeeft332() {
        Terugkoppeling t = verwerk("30AD", inschrijven(zonderPgn("2016-01-01"), wec("2027-11-03")));
        afgekeurdMet(t, "332", "Datum inschrijving 03-11-2027 mag niet verder dan één jaar in de toekomst liggen.", "30AD");
    }

    @Test
    void eenLeerlingVanTwintigGeeftAttentie334() {
        Terugkoppeling t = verwerk("30AE", inschrijven(zonderPgn("2006-07-31"), wec("2026-08-01")));
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactlyInAnyOrder("334", "757");
        assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("334")).singleElement().satisfies(s -> {
            assertThat(s.getErnst()).isEqualTo(Ernst.ATTENTIE);
            assertThat(s.getOmschrijving()).isEqualTo("Deze leerling moet op de datum inschrijving jonger dan 20 jaar zijn.");
        });
        assertThat(t.getInschrijving()).isNotNull();
    }

    @Test
    void bsnMetVerkeerdeGeboortedatumGeeft753() {
        Terugkoppeling t = verwerk("30AF", inschrijven(leerling("999993653", "2013-09-29", "V", "Smit", "5611GH"), wec("2026-08-01")));
        afgekeurdMet(t, "753", "De combinatie burgerservicenummer, geboortedatum, geslacht en postcode is niet juist.", "30AF");
        assertThat(jdbc.queryForObject("select count(*) from persoon where pgn = '999993653'", Integer.class)).isZero();
    }

    @Test
    void alleenEenAnderePostcodeGeeftAttentie770() {
        Terugkoppeling t = verwerk("30AG", inschrijven(leerling("999990482", "2017-01-09", "M", "Visser", "9711EG"), wec("2026-08-01")));
        geregistreerdMet(t, "770", "De postcode volgens instelling in de sleutelgegevens komt niet overeen met de postcode volgens GBA.");
        assertThat(t.getLeerling().getBurgerservicenummer()).isEqualTo("999990482");
    }

    @Test
    void zonderPersoonsgebondenNummerKentDeHubEenOnderwijsnummerToe757() {
        Terugkoppeling t = verwerk("30AH", Berichten.aanmelden(zonderPgn("2019-02-02")));
        geregistreerdMet(t, "757", "BRON heeft aan de persoon een onderwijsnummer toegekend.");
        String nummer = t.getLeerling().getOnderwijsnummer();
        assertThat(Pgn.isGeldigOnderwijsnummer(nummer)).as(nummer).isTrue();
        assertThat(jdbc.queryForObject("select pgn_soort from persoon where pgn = ?", String.class, nummer)).isEqualTo("ONDERWIJSNUMMER");
    }

    @Test
    void verwijderenVanEenInschrijvingDieErNietIsGeeft304() {
        var leerling = bekendeLeerling("2016-01-01");
        Bericht verwijderen = Berichten.bericht("verwijderen", leerling, wec("2026-08-01"));
        Terugkoppeling t = verwerk("30AI", verwijderen);
        afgekeurdMet(t, "304", "De verwijdering van de inschrijving met persoonsgebonden nummer " + leerling.getOnderwijsnummer()
                + " en datum inschrijving 01-08-2026 is niet gelukt; er is geen inschrijving bij de school aanwezig in BRON "
                + "of de datum inschrijving komt niet overeen.", "30AI");
    }

    @Test
    void verwijderenHaaltEenInschrijvingWeg() {
        var leerling = bekendeLeerling("2016-01-01");
        verwerk("30AJ", inschrijven(leerling, wec("2026-08-01")));
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '30AJ'", Integer.class)).isEqualTo(1);

        Terugkoppeling t = verwerk("30AJ", Berichten.bericht("verwijderen", leerling, wec("2026-08-01")));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).isEmpty();
        assertThat(t.getInschrijving()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '30AJ'", Integer.class)).isZero();
    }
}
