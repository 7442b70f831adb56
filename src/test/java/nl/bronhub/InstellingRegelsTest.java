package nl.bronhub;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/** Signals from the BRIN reference register: 301, 337, 348, 356, 397, 399. */
class InstellingRegelsTest extends SignaalTest {

    @Test
    void eenSchoolDieOpDeDatumInschrijvingNietBestaatGeeft301() {
        Terugkoppeling t = verwerk("71XA", inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01")));
        afgekeurdMet(t, "301", "BRIN-nummer 71XA is niet geldig op datum inschrijving 01-08-2026 volgens BRIN.", "71XA");
    }

    @Test
    void eenOnbekendeVestigingGeeft397() {
        Inschrijving i = wec("2026-08-01");
        i.getVestiging().get(0).setWaarde("09");
        afgekeurdMet(verwerk("70AA", inschrijven(zonderPgn("2016-01-01"), i)), "397",
                "Vestiging 09 is in de BRIN-tabellen van DUO-CFI niet bekend als vestiging van de school.", "70AA");
    }

    @Test
    void eenVestigingDieOpDeIngangsdatumNietGeldigIsGeeftAttentie348() {
        Inschrijving i = wec("2026-08-01");
        i.getVestiging().get(0).setWaarde("02");
        Terugkoppeling t = verwerk("70AB", inschrijven(zonderPgn("2016-01-01"), i));
        geregistreerdMet(t, "348", "Vestigingsvolgnummer 02 is niet geldig op datum ingang plaatsing vestiging 01-08-2026.");
    }

    @Test
    void eenSoortOnderwijsDieDeVestigingNietMagGevenGeeftAttentie337() {
        Inschrijving i = wec("2026-08-01");
        i.getVestiging().get(0).setWaarde("03");
        Terugkoppeling t = verwerk("70AC", inschrijven(zonderPgn("2016-01-01"), i));
        geregistreerdMet(t, "337", "Soort onderwijs onderwijs aan zeer moeilijk lerende kinderen is niet toegestaan voor deze vestiging 70AC03.");
        assertThat(t.getInschrijving().getVestiging()).extracting(g -> g.getWaarde()).containsExactly("03");
    }

    /**
     * Issue 17, item 2: soort onderwijs 21 from 1 August at vestiging 01, which gives it; from 1 October
     * at vestiging 03, which does not. The soort did not change, the vestiging did: still 337.
     */
    @Test
    void eenVestigingswisselNaarEenVestigingZonderDeSoortOnderwijsGeeftOok337() {
        Inschrijving i = wec("2026-08-01");
        i.getSoortOnderwijs().get(0).setWaarde("21");
        i.getIndicatiestelling().get(0).setOnderwijssoortIndicatie("21");
        i.getVestiging().add(groep("2026-10-01", "03"));
        Terugkoppeling t = verwerk("73AA", inschrijven(zonderPgn("2016-01-01"), i));
        geregistreerdMet(t, "337", "Soort onderwijs onderwijs aan dove kinderen is niet toegestaan voor deze vestiging 73AA03.");
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsOnlyOnce("337");
        assertThat(t.getInschrijving().getVestiging()).extracting(g -> g.getWaarde()).containsExactly("01", "03");
    }

    /** The other way round: a soort onderwijs that changes to one the vestiging of that time may not give. */
    @Test
    void eenNieuweSoortOnderwijsDieDeVestigingVanDatMomentNietGeeftGeeft337() {
        Inschrijving i = wec("2026-08-01");
        i.getVestiging().get(0).setWaarde("03");
        i.getSoortOnderwijs().get(0).setWaarde("11");
        i.getIndicatiestelling().get(0).setOnderwijssoortIndicatie("11");
        i.getVestiging().add(groep("2026-09-01", "01"));
        i.getSoortOnderwijs().add(groep("2026-10-01", "12"));
        Terugkoppeling t = verwerk("73AB", inschrijven(zonderPgn("2016-01-01"), i));
        // 11 at 03 (August) fits, 11 at 01 (September) does not, 12 at 01 (from October) does not
        geregistreerdMet(t, "337", "Soort onderwijs onderwijs aan visueel gehandicapte kinderen is niet toegestaan voor deze vestiging 73AB01.");
        assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("337")).extracting(s -> s.getOmschrijving()).containsExactlyInAnyOrder(
                "Soort onderwijs onderwijs aan visueel gehandicapte kinderen is niet toegestaan voor deze vestiging 73AB01.",
                "Soort onderwijs onderwijs aan visueel gehandicapte kinderen die tevens zeer moeilijk lerend zijn is niet toegestaan voor "
                        + "deze vestiging 73AB01.");
    }

    /** 00 (niet van toepassing) belongs to ambulante begeleiding: a place at a WEC vestiging needs a soort it gives. */
    @Test
    void soortOnderwijsNulOpEenReguliereWecPlaatsGeeft337() {
        Inschrijving i = wec("2026-08-01");
        i.getSoortOnderwijs().get(0).setWaarde("00");
        Terugkoppeling t = verwerk("73AU", inschrijven(zonderPgn("2016-01-01"), i));
        geregistreerdMet(t, "337", "Soort onderwijs niet van toepassing is niet toegestaan voor deze vestiging 73AU01.");

        Terugkoppeling ab = verwerk("73AV", inschrijven(zonderPgn("2016-01-01"), ambulant("71WA")));
        assertThat(ab.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(ab.getSignaal()).extracting(s -> s.getCode()).doesNotContain("337");
    }

    /** A vestiging from a date after the datum uitschrijving is never in force: 321 says so, 337 does not judge it. */
    @Test
    void eenPeriodeNaDeUitschrijvingKrijgtGeen337() {
        Inschrijving i = wec("2026-08-01");
        i.getSoortOnderwijs().get(0).setWaarde("21");
        i.getIndicatiestelling().get(0).setOnderwijssoortIndicatie("21");
        i.setDatumUitschrijving("2026-09-30");
        i.getVestiging().add(groep("2026-10-01", "03"));
        Terugkoppeling t = verwerk("73AW", inschrijven(zonderPgn("2016-01-01"), i));
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).contains("321").doesNotContain("337");
    }

    @Test
    void eenWpoSchoolMetWecGegevensGeeft356() {
        afgekeurdMet(verwerk("71WA", inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"))), "356",
                "Uw WPO school mag alleen WPO inschrijvingen in BRON registreren.", "71WA");
    }

    @Test
    void eenWpoInschrijvingBijEenWpoSchoolWordtGeregistreerd() {
        Inschrijving wpo = new Inschrijving();
        wpo.setDatumInschrijving("2026-08-01");
        wpo.getVestiging().add(groep("2026-08-01", "01"));
        wpo.getLeerjaar().add(groep("2026-08-01", "3"));
        Terugkoppeling t = verwerk("71WB", inschrijven(zonderPgn("2020-01-01"), wpo));
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactly("757");
        assertThat(t.getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3");
    }

    @Test
    void ambulanteBegeleidingVanuitEenAndereWecSchoolGeeft399() {
        Inschrijving ab = ambulant("70AD");
        afgekeurdMet(verwerk("70AE", inschrijven(zonderPgn("2016-01-01"), ab)), "399",
                "BRIN-nummer van de school of instelling waar de leerling ambulant begeleid wordt 70AD moet van een WPO-, WVO- of "
                        + "WEB-instelling zijn.", "70AE");
    }

    @Test
    void ambulanteBegeleidingOpEenOnbekendeSchoolGeeft301() {
        afgekeurdMet(verwerk("70AF", inschrijven(zonderPgn("2016-01-01"), ambulant("99ZZ"))), "301",
                "BRIN-nummer 99ZZ is niet geldig op datum ingang ambulante begeleiding 01-09-2026 volgens BRIN.", "70AF");
    }

    @Test
    void eenTerugplaatsingNaarEenSchoolDieNietBestaatGeeft301() {
        Inschrijving i = wec("2026-08-01");
        i.setDatumUitschrijving("2026-10-31");
        i.setBrinTeruggeplaatsteLeerling("99ZY");
        afgekeurdMet(verwerk("70AG", inschrijven(zonderPgn("2016-01-01"), i)), "301",
                "BRIN-nummer 99ZY is niet geldig op datum uitschrijving 31-10-2026 volgens BRIN.", "70AG");
    }

    /** The school a pupil is placed back at is a regular one (handbook 7.4.6): a WEC school named is refused, 399. */
    @Test
    void eenTerugplaatsingNaarEenWecSchoolGeeft399() {
        Inschrijving i = wec("2026-08-01");
        i.setDatumUitschrijving("2026-10-31");
        i.setBrinTeruggeplaatsteLeerling("73BC");
        afgekeurdMet(verwerk("73BC", inschrijven(zonderPgn("2016-01-01"), i)), "399",
                "BRIN-nummer teruggeplaatste leerling 73BC moet van een WPO-, WVO- of WEB-instelling zijn.", "73BC");
    }

    /** Ambulante begeleiding (handbook 7.3.2): the zeros, and the regular school where the pupil is. */
    @Test
    void ambulanteBegeleidingZonderBrinSchoolGeeft740() {
        Terugkoppeling t = verwerk("70CS", inschrijven(zonderPgn("2016-01-01"), ambulant("")));
        afgekeurdMet(t, "740", "Het veld BRIN-nummer van de school of instelling waar de leerling ambulant begeleid wordt moet gevuld zijn.",
                "70CS");
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).doesNotContain("301");
    }

    static Inschrijving ambulant(String brinSchool) {
        return Berichten.ambulant("2026-09-01", brinSchool, "01");
    }
}
