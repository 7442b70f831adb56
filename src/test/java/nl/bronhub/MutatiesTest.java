package nl.bronhub;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ernst;
import nl.bronhub.contract.v1.Indicatiestelling;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;

/** Mutation kinds (handbook 7.3-7.6): inschrijven, wijzigen with history, uitschrijven, and their signals. */
class MutatiesTest extends SignaalTest {

    @Test
    void eenWijzigingVoegtEenPeriodeToeEnDeRegistratieToontBeide() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        geregistreerdZonderSignalen(verwerk("70BA", inschrijven(leerling, wec("2026-08-01"))));

        Inschrijving overgang = wec("2026-08-01");
        overgang.getLeerjaar().add(groep("2026-10-01", "4"));
        Terugkoppeling t = verwerk("70BA", Berichten.bericht("wijzigen", leerling, overgang));

        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getLeerjaar()).extracting(g -> g.getIngangsdatum() + "=" + g.getWaarde())
                .containsExactly("2026-08-01=3", "2026-10-01=4");
        assertThat(jdbc.queryForList("select g.waarde from inschrijving_groep g join inschrijving i on i.id = g.inschrijving_id "
                + "where i.brin = '70BA' and g.groep = 'leerjaar' order by g.ingangsdatum", String.class)).containsExactly("3", "4");

        Inschrijving correctie = wec("2026-08-01");
        correctie.getLeerjaar().add(groep("2026-10-01", "5"));
        Terugkoppeling gecorrigeerd = verwerk("70BA", Berichten.bericht("wijzigen", leerling, correctie));
        geregistreerdMet(gecorrigeerd, "772", "Het veld leerjaar/groep vervangt reeds in BRON geregistreerde waarde.");
        assertThat(gecorrigeerd.getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3", "5");
    }

    /**
     * A re-indication is stored beside the registered ones: one with another onderwijssoort on the date of a
     * registered indication would leave two on one date. 349, as within one bericht, and nothing changes.
     */
    @Test
    void eenHerindicatieOpDeDatumVanEenGeregistreerdeGeeft349() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        geregistreerdZonderSignalen(verwerk("73AN", inschrijven(leerling, wec("2026-08-01"))));

        Inschrijving zelfdeDatum = wec("2026-08-01");
        zelfdeDatum.getIndicatiestelling().get(0).setOnderwijssoortIndicatie("34");
        zelfdeDatum.getSoortOnderwijs().get(0).setWaarde("34");
        Terugkoppeling t = verwerk("73AN", Berichten.bericht("wijzigen", leerling, zelfdeDatum));
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
        signaal(t, "349", Ernst.AFKEUR,
                "Datum indicatiestelling 01-08-2026 komt vaker dan eens voor binnen de gegevensgroep indicatiestelling.");
        assertThat(jdbc.queryForList("select x.onderwijssoort_indicatie from indicatiestelling x join inschrijving i "
                + "on i.id = x.inschrijving_id where i.brin = '73AN'", String.class)).containsExactly("33");
        assertThat(jdbc.queryForList("select g.waarde from inschrijving_groep g join inschrijving i on i.id = g.inschrijving_id "
                + "where i.brin = '73AN' and g.groep = 'soort_onderwijs'", String.class)).containsExactly("33");

        // the same date twice in the bericht as well: the group rule and the register find the same fault, told once
        zelfdeDatum.getIndicatiestelling().add(Berichten.wec("2026-08-01").getIndicatiestelling().get(0));
        Terugkoppeling tweeMaal = verwerk("73AN", Berichten.bericht("wijzigen", leerling, zelfdeDatum));
        assertThat(tweeMaal.getSignaal()).extracting(s -> s.getCode()).containsOnlyOnce("349");
    }

    /** The register never drops an indication: a wijzigen that leaves the registered ones out needs none (no 740). */
    @Test
    void eenWijzigingZonderDeGeregistreerdeIndicatieHoudtHaar() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        geregistreerdZonderSignalen(verwerk("73AQ", inschrijven(leerling, wec("2026-08-01"))));

        Inschrijving overgang = wec("2026-08-01");
        overgang.getIndicatiestelling().clear();
        overgang.getLeerjaar().add(groep("2026-10-01", "4"));
        Terugkoppeling t = verwerk("73AQ", Berichten.bericht("wijzigen", leerling, overgang));
        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getIndicatiestelling()).extracting(Indicatiestelling::getOnderwijssoortIndicatie).containsExactly("33");
        assertThat(t.getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3", "4");
    }

    @Test
    void eenHerindicatieKomtNaastDeEerdereEnOverschrijftHaarNiet() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        Inschrijving eerst = wec("2026-08-01");
        eerst.getIndicatiestelling().get(0).setDatumIndicatiestelling("2024-06-01");
        verwerk("70BB", inschrijven(leerling, eerst));

        Inschrijving herindicatie = wec("2026-08-01");
        herindicatie.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-06-01");
        Terugkoppeling t = verwerk("70BB", Berichten.bericht("wijzigen", leerling, herindicatie));
        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getIndicatiestelling()).extracting(Indicatiestelling::getDatumIndicatiestelling)
                .containsExactly("2024-06-01", "2026-06-01");

        Inschrijving anderCvi = wec("2026-08-01");
        anderCvi.getIndicatiestelling().get(0).setDatumIndicatiestelling("2024-06-01");
        anderCvi.getIndicatiestelling().get(0).setCviNummer("9999999");
        Terugkoppeling verschil = verwerk("70BB", Berichten.bericht("wijzigen", leerling, anderCvi));
        geregistreerdMet(verschil, "771", "Het veld CVI-nummer komt niet overeen met de geregistreerde waarde.");
        assertThat(verschil.getInschrijving().getIndicatiestelling()).extracting(Indicatiestelling::getCviNummer)
                .containsExactly("1234567", "1234567");
    }

    @Test
    void uitschrijvenMetTerugplaatsingEnEenLatereWijzigingVanDeDatum() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        verwerk("70BC", inschrijven(leerling, wec("2026-08-01")));

        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-10-31");
        uit.setBrinTeruggeplaatsteLeerling("71WA");
        Terugkoppeling t = verwerk("70BC", Berichten.bericht("uitschrijven", leerling, uit));
        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getDatumUitschrijving()).isEqualTo("2026-10-31");
        assertThat(t.getInschrijving().getBrinTeruggeplaatsteLeerling()).isEqualTo("71WA");

        Inschrijving later = wec("2026-08-01");
        later.setDatumUitschrijving("2026-11-01");
        later.setBrinTeruggeplaatsteLeerling("71WA");
        geregistreerdMet(verwerk("70BC", Berichten.bericht("uitschrijven", leerling, later)), "772",
                "Het veld datum uitschrijving vervangt reeds in BRON geregistreerde waarde.");
    }

    @Test
    void eenTerugplaatsingZonderDatumUitschrijvingGeeft340() {
        Inschrijving i = wec("2026-08-01");
        i.setBrinTeruggeplaatsteLeerling("71WA");
        afgekeurdMet(verwerk("70BD", inschrijven(bekendeLeerling("2016-02-02"), i)), "340",
                "Als BRIN-nummer terugplaatsing 71WA is gevuld moet de datum uitschrijving ook gevuld zijn.", "70BD");
    }

    @Test
    void eenTweedeInschrijvingOpDezelfdeSchoolGeeft311() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        verwerk("70BE", inschrijven(leerling, wec("2026-08-01")));

        Terugkoppeling t = verwerk("70BE", inschrijven(leerling, wec("2026-09-01")));

        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactly("311");
        signaal(t, "311", Ernst.AFKEUR, "Deze leerling heeft al een andere inschrijving op uw school.");
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '70BE'", Integer.class)).isEqualTo(1);
    }

    @Test
    void naEenUitschrijvingMagEenNieuweInschrijvingWel() {
        Persoon leerling = bekendeLeerling("2016-02-02");
        Inschrijving vorig = wec("2025-08-01");
        vorig.setDatumUitschrijving("2026-07-31");
        vorig.getIndicatiestelling().get(0).setDatumIndicatiestelling("2025-06-01");
        verwerk("70BF", inschrijven(leerling, vorig));

        geregistreerdZonderSignalen(verwerk("70BF", inschrijven(leerling, wec("2026-08-01"))));
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '70BF'", Integer.class)).isEqualTo(2);
    }

    @Test
    void eenWijzigingZonderOorspronkelijkeInschrijvingGeeftAttentie400() {
        Bericht wijzigen = Berichten.bericht("wijzigen", bekendeLeerling("2016-02-02"), wec("2026-08-01"));
        Terugkoppeling t = verwerk("70BG", wijzigen);
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactly("400");
        geregistreerdMet(t, "400", "De oorspronkelijke inschrijving is niet aanwezig in BRON.");
        assertThat(t.getInschrijving()).isNotNull();
    }

    @Test
    void eenWijzigingVanEenOnbekendeLeerlingGeeftAttentie400() {
        Terugkoppeling t = verwerk("70CV", Berichten.bericht("wijzigen", Berichten.zonderPgn("2016-02-02"), wec("2026-08-01")));
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactlyInAnyOrder("400", "757");
        geregistreerdMet(t, "400", "De oorspronkelijke inschrijving is niet aanwezig in BRON.");
        assertThat(t.getInschrijving()).isNotNull();
    }

    /** Handbook 7.5: an uitschrijven registers the datum uitschrijving; without one it is refused. */
    @Test
    void eenUitschrijvingZonderDatumUitschrijvingGeeft740() {
        Terugkoppeling t = verwerk("73AO", Berichten.bericht("uitschrijven", Berichten.zonderPgn("2016-02-02"), wec("2026-08-01")));
        afgekeurdMet(t, "740", "Het veld Datum uitschrijving moet gevuld zijn.", "73AO");
    }

    @Test
    void eenUitschrijvingVanEenOnbekendeLeerlingGeeftAttentie400() {
        Inschrijving i = wec("2026-08-01");
        i.setDatumUitschrijving("2026-09-30");
        Terugkoppeling t = verwerk("70CW", Berichten.bericht("uitschrijven", Berichten.zonderPgn("2016-02-02"), i));
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactlyInAnyOrder("400", "757");
        geregistreerdMet(t, "400", "De oorspronkelijke inschrijving is niet aanwezig in BRON.");
    }

    /** Nothing to remove for a pupil BRON does not know: 304, and no number handed out for a refused bericht. */
    @Test
    void eenVerwijderingVanEenOnbekendeLeerlingGeeft304ZonderNummer() {
        Terugkoppeling t = verwerk("73AX", Berichten.bericht("verwijderen", Berichten.zonderPgn("2016-02-02"), wec("2026-08-01")));
        afgekeurdMet(t, "304", "De verwijdering van de inschrijving met persoonsgebonden nummer (geen) en datum inschrijving "
                + "01-08-2026 is niet gelukt; er is geen inschrijving bij de school aanwezig in BRON of de datum inschrijving komt niet overeen.",
                "73AX");
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsExactly("304");
        assertThat(jdbc.queryForObject("select count(*) from persoon p join inschrijving i on i.persoon_id = p.id "
                + "where i.brin = '73AX'", Integer.class)).isZero();
    }

    /**
     * A verwijderen of the school's own pupil, sent without a number: 756 tells the LAS to store the number, and the answer
     * carries it, with the key data the school sent and nothing else (a LAS found the 756 without any number).
     */
    @Test
    void eenVerwijderingZonderNummerKrijgtHetNummerMet756() {
        Persoon leerling = Berichten.zonderPgn("2016-02-02");
        Terugkoppeling ingeschreven = verwerk("73BB", inschrijven(leerling, wec("2026-08-01")));
        String onderwijsnummer = ingeschreven.getLeerling().getOnderwijsnummer();
        Terugkoppeling t = verwerk("73BB", Berichten.bericht("verwijderen", leerling, wec("2026-08-01")));
        assertThat(t.getResultaat()).isEqualTo(nl.bronhub.contract.v1.Verwerkingsresultaat.GEREGISTREERD);
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).contains("756");
        assertThat(t.getLeerling()).isNotNull();
        assertThat(t.getLeerling().getOnderwijsnummer()).isEqualTo(onderwijsnummer);
        assertThat(t.getLeerling().getAchternaam()).isEqualTo(leerling.getAchternaam());
        assertThat(t.getLeerling().getVoornamen()).isNull();
        assertThat(t.getLeerling().getPostcode()).isNull();
    }

    @Test
    void eenAnderePostcodeVervangtDeGeregistreerdeMet772() {
        Persoon leerling = bekendeLeerling("70BH", "2016-02-02");
        leerling.setPostcode("9999ZZ");
        Terugkoppeling t = verwerk("70BH", Berichten.aanmelden(leerling));
        geregistreerdMet(t, "772", "Het veld postcode volgens instelling vervangt reeds in BRON geregistreerde waarde.");
        assertThat(t.getLeerling().getPostcode()).isEqualTo("9999ZZ");
    }

    /**
     * Every value of the pupil's data a school replaces is 772, not only the postcode (a LAS changed a surname and a
     * street unremarked); a field emptied replaces one too, a field filled for the first time does not.
     */
    @Test
    void eenAndereNaamOfStraatVervangtDeGeregistreerdeMet772() {
        Persoon leerling = bekendeLeerling("73BG", "2016-03-03");
        leerling.setAchternaam("Anders");
        leerling.setStraatnaam("Nieuwe Weg");
        Terugkoppeling t = verwerk("73BG", Berichten.aanmelden(leerling));
        geregistreerdMet(t, "772", "Het veld achternaam vervangt reeds in BRON geregistreerde waarde.");
        assertThat(t.getSignaal()).filteredOn(s -> s.getCode().equals("772")).extracting(s -> s.getOmschrijving())
                .containsExactly("Het veld achternaam vervangt reeds in BRON geregistreerde waarde.",
                        "Het veld straatnaam vervangt reeds in BRON geregistreerde waarde.");
        assertThat(jdbc.queryForObject("select achternaam from persoon where pgn = ?", String.class, leerling.getOnderwijsnummer()))
                .isEqualTo("Anders");
        // the same data once more: nothing replaced
        geregistreerdZonderSignalen(verwerk("73BG", Berichten.aanmelden(leerling)));
    }

    /** A wijzigen that leaves a registered group period out removes it: 772, as for a period given another value. */
    @Test
    void eenWeggelatenPeriodeVervangtDeGeregistreerdeMet772() {
        Persoon leerling = bekendeLeerling("2016-04-04");
        Inschrijving overgang = wec("2026-08-01");
        overgang.getLeerjaar().add(groep("2026-10-01", "4"));
        geregistreerdZonderSignalen(verwerk("73BG", inschrijven(leerling, overgang)));

        Terugkoppeling zonder = verwerk("73BG", Berichten.bericht("wijzigen", leerling, wec("2026-08-01")));
        geregistreerdMet(zonder, "772", "Het veld leerjaar/groep vervangt reeds in BRON geregistreerde waarde.");
        assertThat(zonder.getSignaal()).extracting(s -> s.getCode()).containsOnlyOnce("772");
        assertThat(zonder.getInschrijving().getLeerjaar()).extracting(g -> g.getWaarde()).containsExactly("3");
        // the same once more: nothing left out
        geregistreerdZonderSignalen(verwerk("73BG", Berichten.bericht("wijzigen", leerling, wec("2026-08-01"))));
    }

    /**
     * A school that takes a pupil's data over (it enrols them from a later date) is not told which of its values replaced
     * registered ones: 772 field by field let it test the register's address by guesses (a hostile LAS). Once the data are
     * its own, it is.
     */
    @Test
    void eenSchoolDieDeGegevensOverneemtKrijgtGeen772PerVeld() {
        Persoon leerling = bekendeLeerling("73BG", "2016-05-05");
        geregistreerdZonderSignalen(verwerk("73BG", inschrijven(leerling, wec("2026-08-01"))));
        Persoon geraden = Berichten.zonderPgn("2016-05-05");
        geraden.setOnderwijsnummer(leerling.getOnderwijsnummer());
        geraden.setStraatnaam("Geraden Straat");
        geraden.setPostcode("1111AA");
        Terugkoppeling overgenomen = verwerk("73BJ", inschrijven(geraden, wec("2026-11-02")));
        assertThat(overgenomen.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        assertThat(overgenomen.getSignaal()).extracting(s -> s.getCode()).doesNotContain("772", "771");
        // its own data now: a change is 772 again
        geraden.setStraatnaam("Andere Straat");
        Terugkoppeling eigen = verwerk("73BJ", Berichten.bericht("wijzigen", geraden, wec("2026-11-02")));
        assertThat(eigen.getSignaal()).extracting(s -> s.getCode() + ": " + s.getOmschrijving())
                .containsExactly("772: Het veld straatnaam vervangt reeds in BRON geregistreerde waarde.");
    }
}
