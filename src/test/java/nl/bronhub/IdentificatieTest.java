package nl.bronhub;

import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.aanmelden;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/** Identification (handbook 7.1-7.2): every path, with the number the LAS gets back. */
class IdentificatieTest extends SignaalTest {

    private static final String BRIN = "70BK";

    @Test
    void metBsnNeemtHetRegisterDeGegevensVanDeGbaOver() {
        Persoon school = leerling("999993926", "2014-10-10", "M", "Bos", "4811TV");
        school.setStraatnaam("Schoolversie van de straat");

        Terugkoppeling t = verwerk(BRIN, aanmelden(school));

        geregistreerdZonderSignalen(t);
        assertThat(t.getLeerling().getBurgerservicenummer()).isEqualTo("999993926");
        assertThat(t.getLeerling().getStraatnaam()).isEqualTo("Lindelaan");
        assertThat(t.getLeerling().getVoornamen()).isEqualTo("Finn");
    }

    @Test
    void zonderNummerVindtDeHubHetBsnViaDeGba755() {
        Terugkoppeling t = verwerk(BRIN, aanmelden(leerling(null, "2015-05-05", "M", "Vindbaar", "1111AA")));

        geregistreerdMet(t, "755", "Het burgerservicenummer is achterhaald via de GBA.");
        assertThat(t.getLeerling().getBurgerservicenummer()).isEqualTo("999991012");
        assertThat(t.getLeerling().getOnderwijsnummer()).isNull();
        assertThat(t.getLeerling().getVoornamen()).isEqualTo("Bram");
    }

    @Test
    void zonderNummerVindtDeHubEenEerderGegevenOnderwijsnummer756() {
        Persoon leerling = zonderPgn("2017-03-03");
        Terugkoppeling eerste = verwerk(BRIN, aanmelden(leerling));
        String nummer = eerste.getLeerling().getOnderwijsnummer();
        assertThat(eerste.getSignaal()).extracting(s -> s.getCode()).containsExactly("757");

        Terugkoppeling tweede = verwerk(BRIN, aanmelden(leerling));

        geregistreerdMet(tweede, "756", "Het onderwijsnummer is achterhaald via BRON.");
        assertThat(tweede.getLeerling().getOnderwijsnummer()).isEqualTo(nummer);
        assertThat(jdbc.queryForObject("select count(*) from persoon where lower(achternaam) = lower(?)", Integer.class,
                leerling.getAchternaam())).isEqualTo(1);
    }

    /**
     * Two schools sending the same new pupil without a number at the same moment: one child, one onderwijsnummer (a
     * hostile LAS made two persons of one child this way, counted for funding at both schools).
     */
    @Test
    void tweeScholenTegelijkMetDezelfdeNieuweLeerlingGevenEenNummer() throws Exception {
        LasClient a = las(BRIN, "1");
        LasClient b = las("70DZ", "1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String datum : List.of("2016-01-11", "2016-02-11", "2016-03-11", "2016-04-11")) {
                Persoon hier = zonderPgn(datum);
                Persoon daar = leerling(null, datum, "M", hier.getAchternaam(), "1234AB");
                Bericht ba = aanmelden(hier);
                Bericht bb = aanmelden(daar);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> fa = pool.submit(() -> {
                    start.await();
                    return a.aanleveren(ba);
                });
                Future<?> fb = pool.submit(() -> {
                    start.await();
                    return b.aanleveren(bb);
                });
                fa.get();
                fb.get();
                String na = terugkoppelingVan(a, ba.getIdentificatie()).getLeerling().getOnderwijsnummer();
                String nb = terugkoppelingVan(b, bb.getIdentificatie()).getLeerling().getOnderwijsnummer();
                assertThat(nb).as(datum).isNotNull().isEqualTo(na);
                assertThat(jdbc.queryForObject("select count(*) from persoon where achternaam = ?", Integer.class,
                        hier.getAchternaam())).as(datum).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same surname in another Unicode form (a decomposed u with diaeresis) or with a no-break space after it: 756. */
    @Test
    void eenAchternaamInEenAndereUnicodeVormVindtHetzelfdeNummer() {
        String naam = "M\u00FCller" + Berichten.uniekeLetters();
        Terugkoppeling eerste = verwerk(BRIN, aanmelden(leerling(null, "2016-06-06", "V", naam, "1234AB")));
        String nummer = eerste.getLeerling().getOnderwijsnummer();
        for (String anders : List.of(Normalizer.normalize(naam, Normalizer.Form.NFD), naam + "\u00A0", naam.toUpperCase())) {
            Terugkoppeling t = verwerk(BRIN, aanmelden(leerling(null, "2016-06-06", "V", anders, "1234AB")));
            assertThat(t.getLeerling().getOnderwijsnummer()).as(anders).isEqualTo(nummer);
            assertThat(t.getSignaal()).extracting(x -> x.getCode()).contains("756");
        }
    }

    @Test
    void eenOnderwijsnummerMetEenAndereGeboortedatumGeeft752() {
        Persoon bekend = bekendeLeerling("2017-04-04");
        Persoon anders = zonderPgn("2017-04-05");
        anders.setOnderwijsnummer(bekend.getOnderwijsnummer());

        Terugkoppeling t = verwerk(BRIN, aanmelden(anders));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        signaal(t, "752", Ernst.AFKEUR, "De combinatie onderwijsnummer, geboortedatum en geslacht is niet juist.");
    }

    @Test
    void eenOnderwijsnummerDatDeHubNietGafGeeft752() {
        Persoon verzonnen = zonderPgn("2017-04-04");
        verzonnen.setOnderwijsnummer(Pgn.onderwijsnummer(777_777));
        signaal(verwerk(BRIN, aanmelden(verzonnen)), "752", Ernst.AFKEUR,
                "De combinatie onderwijsnummer, geboortedatum en geslacht is niet juist.");
    }

    @Test
    void eenLeerlingInHetBuitenlandMetZijnOnderwijsnummer() {
        Persoon leerling = bekendeLeerling(BRIN, "2016-06-06");
        leerling.setPostcode(null);
        leerling.setStraatnaam(null);
        leerling.setHuisnummer(null);
        leerling.setWoonplaats(null);
        leerling.setLandcode("9089");
        leerling.setAdresregelBuitenland1("Hauptstraße 5");
        leerling.setAdresregelBuitenland2("47533 Kleve");

        Terugkoppeling t = verwerk(BRIN, aanmelden(leerling));

        // the Dutch address emptied: each field it replaces (the foreign ones are filled for the first time: nothing replaced)
        geregistreerdMet(t, "772", "Het veld straatnaam vervangt reeds in BRON geregistreerde waarde.");
        assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("772")).extracting(s -> s.getOmschrijving())
                .containsExactly("Het veld straatnaam vervangt reeds in BRON geregistreerde waarde.",
                        "Het veld huisnummer vervangt reeds in BRON geregistreerde waarde.",
                        "Het veld postcode volgens instelling vervangt reeds in BRON geregistreerde waarde.",
                        "Het veld woonplaats vervangt reeds in BRON geregistreerde waarde.");
        assertThat(t.getLeerling().getOnderwijsnummer()).isEqualTo(leerling.getOnderwijsnummer());
        assertThat(t.getLeerling().getLandcode()).isEqualTo("9089");
    }

    @Test
    void eenGeheimAdresVolgensDeGbaGeeft956EnVerderGeenAdressignalen() {
        Persoon p = leerling("999991024", "2015-06-06", "V", "Verborgen", "1000AA");
        p.setHuisnummer(null);

        Terugkoppeling t = verwerk(BRIN, aanmelden(p));

        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactly("956");
        geregistreerdMet(t, "956", "De gegevens zijn geheim volgens de Gemeentelijke Basis Administratie.");
        assertThat(t.getLeerling().isAdresGeheim()).isTrue();
    }

    @Test
    void eenSchoolDieDeNaamVanEenGbaLeerlingWijzigtKrijgt793() {
        Persoon p = leerling("999991036", "2015-07-07", "V", "Slotboom", "4444DD");
        geregistreerdZonderSignalen(verwerk(BRIN, aanmelden(p)));

        p.setAchternaam("Slotboomer");
        Terugkoppeling t = verwerk(BRIN, inschrijven(p, wec("2026-08-01")));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        signaal(t, "793", Ernst.AFKEUR,
                "Het wijzigen van sleutelgegevens is niet mogelijk omdat DUO beschikt over de GBA gegevens van deze leerling.");
        assertThat(t.getLeerling().getAchternaam()).as("the register keeps the GBA's name").isEqualTo("Slotboom");
        assertThat(t.getInschrijving()).isNull();
    }

    /**
     * Another school that sends the same BSN with another name hears no 793: that would tell it the register knows the
     * pupil. Its bericht is judged as for any BSN pupil: the register holds the GBA's name (77AG).
     */
    @Test
    void eenAndereSchoolHoortGeen793() {
        Persoon p = leerling("999991036", "2015-07-07", "V", "Slotboom", "4444DD");
        verwerk(BRIN, aanmelden(p));

        p.setAchternaam("Anders");
        Terugkoppeling t = verwerk("77AG", inschrijven(p, wec("2026-08-01")));

        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).doesNotContain("793");
        assertThat(t.getLeerling().getAchternaam()).isEqualTo("Slotboom");
    }

    @Test
    void eenBsnVoorEenLeerlingInHetBuitenlandGeeft743() {
        Persoon p = leerling("999993926", "2014-10-10", "M", "Bos", null);
        p.setStraatnaam(null);
        p.setHuisnummer(null);
        p.setWoonplaats(null);
        p.setLandcode("5010");
        p.setAdresregelBuitenland1("Grote Markt 1");
        var antwoord = las(BRIN, "1").aanleveren(aanmelden(p));
        assertThat(antwoord.getBerichtResultaat().get(0).getSignaal()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("743");
            assertThat(s.getOmschrijving()).isEqualTo("Het veld burgerservicenummer is niet conform instructies gevuld.");
        });
    }
}
