package nl.bronhub;

import nl.bronhub.contract.v1.AmbulanteBegeleiding;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Indicatiestelling;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.InstellingRegelsTest.ambulant;
import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WEC enrolment shapes of handbook 7.3, each complete and valid, registering without signals;
 * and the group, indication, age and ambulante-begeleiding signals.
 */
class WecVormenTest extends SignaalTest {

    // --- the shapes, each without signals

    @Test
    void regulier() {
        Terugkoppeling t = verwerk("70AH", inschrijven(bekendeLeerling("2016-02-02"), wec("2026-08-01")));
        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getIndicatiestelling()).hasSize(1);
    }

    @Test
    void ambulanteBegeleiding() {
        Terugkoppeling t = verwerk("70AI", inschrijven(bekendeLeerling("2016-02-02"), ambulant("71WA")));
        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getAmbulanteBegeleiding()).singleElement()
                .satisfies(ab -> assertThat(ab.getBrinSchool()).isEqualTo("71WA"));
        assertThat(t.getInschrijving().getSoortOnderwijs()).extracting(g -> g.getWaarde()).containsExactly("00");
    }

    @Test
    void crisisplaatsZonderIndicatie() {
        Inschrijving crisis = zonderIndicatie(wec("2026-08-01"), "1");
        geregistreerdZonderSignalen(verwerk("70AJ", inschrijven(bekendeLeerling("2016-02-02"), crisis)));
    }

    @Test
    void observatieplaatsZonderIndicatie() {
        Inschrijving observatie = zonderIndicatie(wec("2026-08-01"), "2");
        geregistreerdZonderSignalen(verwerk("70AK", inschrijven(bekendeLeerling("2016-02-02"), observatie)));
    }

    /** Handbook 8.5: a residential place (soort verblijf 3-6) admits without an indicatiestelling. */
    @Test
    void residentielePlaatsZonderIndicatie() {
        Inschrijving residentieel = zonderIndicatie(wec("2026-08-01"), "4");
        geregistreerdZonderSignalen(verwerk("73AC", inschrijven(bekendeLeerling("2016-02-02"), residentieel)));
    }

    @Test
    void vgkZonderRecEnCviNummer() {
        Inschrijving vgk = wec("2026-08-01");
        vgk.getSoortOnderwijs().get(0).setWaarde("12");
        Indicatiestelling ind = vgk.getIndicatiestelling().get(0);
        ind.setOnderwijssoortIndicatie("12");
        ind.setBrinRec(null);
        ind.setCviNummer(null);
        Terugkoppeling t = verwerk("71VA", inschrijven(bekendeLeerling("2016-02-02"), vgk));
        geregistreerdZonderSignalen(t);
        assertThat(t.getInschrijving().getIndicatiestelling()).singleElement().satisfies(i -> {
            assertThat(i.getBrinRec()).isNull();
            assertThat(i.getCviNummer()).isNull();
        });
    }

    // --- groups

    @Test
    void geenVoorkomenOpDeDatumInschrijvingGeeft303() {
        Inschrijving i = wec("2026-08-01");
        i.getVestiging().get(0).setIngangsdatum("2026-08-15");
        afgekeurdMet(verwerk("70AL", inschrijven(zonderPgn("2016-01-01"), i)), "303",
                "Er ontbreekt een voorkomen van de gegevensgroep vestiging waarvan de ingangsdatum gelijk is aan de datum inschrijving 01-08-2026.",
                "70AL");
    }

    @Test
    void eenIngangsdatumBuitenDeInschrijvingGeeft321() {
        Inschrijving i = wec("2026-08-01");
        i.setDatumUitschrijving("2026-10-31");
        i.getVestiging().add(groep("2026-11-01", "01"));
        afgekeurdMet(verwerk("70AM", inschrijven(zonderPgn("2016-01-01"), i)), "321",
                "Datum ingang plaatsing vestiging 01-11-2026 moet op of na datum inschrijving 01-08-2026 en op of voor datum uitschrijving "
                        + "31-10-2026 liggen.", "70AM");
    }

    @Test
    void eenVerplichteGroepDieOntbreektGeeft341() {
        Inschrijving i = wec("2026-08-01");
        i.getSchoolsoort().clear();
        afgekeurdMet(verwerk("70AN", inschrijven(zonderPgn("2016-01-01"), i)), "341",
                "Gegevens groep schoolsoort moet verplicht aanwezig zijn.", "70AN");
    }

    @Test
    void tweemaalDezelfdeIngangsdatumInEenGroepGeeft349() {
        Inschrijving i = wec("2026-08-01");
        i.getVestiging().add(groep("2026-08-01", "01"));
        afgekeurdMet(verwerk("70AO", inschrijven(zonderPgn("2016-01-01"), i)), "349",
                "Datum ingang plaatsing vestiging 01-08-2026 komt vaker dan eens voor binnen de gegevensgroep vestiging.", "70AO");
    }

    @Test
    void tweeAmbulanteBegeleidingenOpDezelfdeDatumGeven349EnNietsGeparkeerd() {
        Inschrijving i = ambulant("71WA");
        AmbulanteBegeleiding tweede = new AmbulanteBegeleiding();
        tweede.setIngangsdatum(i.getAmbulanteBegeleiding().get(0).getIngangsdatum());
        tweede.setBrinSchool("71WA");
        i.getAmbulanteBegeleiding().add(tweede);
        Bericht b = inschrijven(zonderPgn("2016-01-01"), i);
        afgekeurdMet(verwerk("70CQ", b), "349",
                "Datum ingang ambulante begeleiding 01-09-2026 komt vaker dan eens voor binnen de gegevensgroep ambulante begeleiding.",
                "70CQ");
        assertThat(jdbc.queryForObject("select count(*) from geparkeerd_bericht g join bericht b on b.id = g.bericht_id "
                + "where b.identificatie = ?", Integer.class, b.getIdentificatie())).isZero();
    }

    @Test
    void tweeIndicatiestellingenOpDezelfdeDatumGeven349() {
        Inschrijving i = wec("2026-08-01");
        i.getIndicatiestelling().add(nl.bronhub.support.Berichten.indicatie("2026-08-01", "34", "1234568"));
        afgekeurdMet(verwerk("70CR", inschrijven(zonderPgn("2016-01-01"), i)), "349",
                "Datum indicatiestelling 01-08-2026 komt vaker dan eens voor binnen de gegevensgroep indicatiestelling.", "70CR");
    }

    // --- mandatory fields (handbook 7.3.1-7.3.4)

    @Test
    void eenWecInschrijvingZonderNncaGeeft740() {
        Inschrijving i = wec("2026-08-01");
        i.setAanduidingNnca(null);
        afgekeurdMet(verwerk("70CT", inschrijven(zonderPgn("2016-01-01"), i)), "740",
                "Het veld Aanduiding niet-Nederlandse Culturele Achtergrond moet gevuld zijn.", "70CT");
    }

    @Test
    void eenCrisisplaatsZonderNncaGeeft740() {
        Inschrijving i = zonderIndicatie(wec("2026-08-01"), "1");
        i.setAanduidingNnca(" ");
        afgekeurdMet(verwerk("70CU", inschrijven(zonderPgn("2016-01-01"), i)), "740",
                "Het veld Aanduiding niet-Nederlandse Culturele Achtergrond moet gevuld zijn.", "70CU");
    }

    /** Handbook 7.3.1 and 8.5: a regular place needs the indicatiestelling; only crisis, observatie and residential do not. */
    @Test
    void eenReguliereInschrijvingZonderIndicatieGeeft740() {
        afgekeurdMet(verwerk("73AD", inschrijven(zonderPgn("2016-01-01"), zonderIndicatie(wec("2026-08-01"), "0"))), "740",
                "Het veld Datum indicatiestelling moet gevuld zijn.", "73AD");
    }

    /** A crisis place that becomes a regular one needs an indication for the regular period. */
    @Test
    void eenCrisisplaatsDieReguliereWordtZonderIndicatieGeeft740() {
        Inschrijving i = zonderIndicatie(wec("2026-08-01"), "1");
        i.getSoortVerblijf().add(groep("2026-10-01", "0"));
        afgekeurdMet(verwerk("73AE", inschrijven(zonderPgn("2016-01-01"), i)), "740",
                "Het veld Datum indicatiestelling moet gevuld zijn.", "73AE");
    }

    /** Handbook 7.3.2: ambulante begeleiding needs the indication too. */
    @Test
    void ambulanteBegeleidingZonderIndicatieGeeft740() {
        Inschrijving i = ambulant("71WA");
        i.getIndicatiestelling().clear();
        afgekeurdMet(verwerk("73AF", inschrijven(zonderPgn("2016-01-01"), i)), "740",
                "Het veld Datum indicatiestelling moet gevuld zijn.", "73AF");
    }

    // --- the indicatiestelling

    @Test
    void eenIndicatieNaDeUitschrijvingGeeft325() {
        Inschrijving i = wec("2026-08-01");
        i.setDatumUitschrijving("2026-09-30");
        i.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-10-15");
        afgekeurdMet(verwerk("70AP", inschrijven(zonderPgn("2016-01-01"), i)), "325",
                "Datum ingang indicatiestelling 15-10-2026 moet op of voor de datum uitschrijving liggen.", "70AP");
    }

    /**
     * A wijzigen may leave out the indications the register holds (they are kept), and the rules judge the enrolment as
     * it will stand: a soort onderwijs that the kept indication does not fit is 345, as in one inschrijven (a hostile LAS
     * changed 33 to 34 without repeating the indication for 33, and no signal came).
     */
    @Test
    void eenGehoudenIndicatieTeltMeeVoor345() {
        nl.bronhub.contract.v1.Persoon leerling = bekendeLeerling("2016-02-02");
        geregistreerdZonderSignalen(verwerk("73AZ", inschrijven(leerling, wec("2026-08-01"))));
        Inschrijving i = wec("2026-08-01");
        i.getIndicatiestelling().clear();
        i.getSoortOnderwijs().add(groep("2026-10-01", "34"));
        Terugkoppeling t = verwerk("73AZ", nl.bronhub.support.Berichten.bericht("wijzigen", leerling, i));
        geregistreerdMet(t, "345", "Als soort onderwijs > 0 en onderwijssoort indicatie is gevuld, dan moet soort onderwijs onderwijs aan "
                + "kinderen met een lichamelijke handicap die tevens zeer moeilijk lerend zijn consistent zijn met de indicatiestelling zeer moeilijk lerend.");
        assertThat(t.getInschrijving().getIndicatiestelling()).hasSize(1);
    }

    /**
     * An uitschrijving before an indication the register keeps is 325, as in one inschrijven: the bericht is refused and the
     * enrolment stays as it was (a hostile LAS wrote an uitschrijving before a later indication by leaving it out).
     */
    @Test
    void eenUitschrijvingVoorEenGehoudenIndicatieGeeft325() {
        nl.bronhub.contract.v1.Persoon leerling = bekendeLeerling("2016-02-02");
        Inschrijving i = wec("2026-08-01");
        i.getIndicatiestelling().add(nl.bronhub.support.Berichten.indicatie("2026-10-15", "33", "7654321"));
        geregistreerdZonderSignalen(verwerk("73BA", inschrijven(leerling, i)));

        Inschrijving uit = wec("2026-08-01");
        uit.setDatumUitschrijving("2026-09-30");
        Terugkoppeling t = verwerk("73BA", nl.bronhub.support.Berichten.bericht("uitschrijven", leerling, uit));
        assertThat(t.getResultaat()).isEqualTo(nl.bronhub.contract.v1.Verwerkingsresultaat.AFGEKEURD);
        signaal(t, "325", nl.bronhub.contract.v1.Ernst.AFKEUR, "Datum ingang indicatiestelling 15-10-2026 moet op of voor de datum uitschrijving liggen.");
        assertThat(jdbc.queryForObject("select count(*) from inschrijving where brin = '73BA' and datum_uitschrijving is not null",
                Integer.class)).isZero();
    }

    @Test
    void eenIndicatieInDeToekomstGeeft326() {
        Inschrijving i = wec("2026-08-01");
        i.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-11-15");
        afgekeurdMet(verwerk("70AQ", inschrijven(zonderPgn("2016-01-01"), i)), "326",
                "Datum ingang indicatiestelling 15-11-2026 mag niet in de toekomst liggen.", "70AQ");
    }

    @Test
    void eenSoortOnderwijsDieNietBijDeIndicatiePastGeeftAttentie345() {
        Inschrijving i = wec("2026-08-01");
        i.getSoortOnderwijs().get(0).setWaarde("42");
        geregistreerdMet(verwerk("70AW", inschrijven(zonderPgn("2016-01-01"), i)), "345",
                "Als soort onderwijs > 0 en onderwijssoort indicatie is gevuld, dan moet soort onderwijs onderwijs aan zeer moeilijk "
                        + "opvoedbare kinderen consistent zijn met de indicatiestelling zeer moeilijk lerend.");
    }

    /**
     * 345 judges every period: soort onderwijs 42 in August and September under an indication for 33 does
     * not fit, even though the soort of October (33) does.
     */
    @Test
    void eenEerdereSoortOnderwijsDieNietBijDeIndicatiePastGeeftOokAttentie345() {
        Inschrijving i = wec("2026-08-01");
        i.getSoortOnderwijs().get(0).setWaarde("42");
        i.getSoortOnderwijs().add(groep("2026-10-01", "33"));
        i.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-06-15");
        Terugkoppeling t = verwerk("73AG", inschrijven(zonderPgn("2016-01-01"), i));
        geregistreerdMet(t, "345", "Als soort onderwijs > 0 en onderwijssoort indicatie is gevuld, dan moet soort onderwijs onderwijs aan "
                + "zeer moeilijk opvoedbare kinderen consistent zijn met de indicatiestelling zeer moeilijk lerend.");
        assertThat(t.getSignaal()).extracting(s -> s.getCode()).containsOnlyOnce("345");
    }

    /** And a re-indication that the soort onderwijs follows only later: the months between do not fit. */
    @Test
    void eenHerindicatieDieDeSoortOnderwijsPasLaterVolgtGeeftAttentie345() {
        Inschrijving i = wec("2026-08-01");
        Indicatiestelling herindicatie = new Indicatiestelling();
        herindicatie.setDatumIndicatiestelling("2026-09-01");
        herindicatie.setOnderwijssoortIndicatie("40");
        herindicatie.setBrinRec("12RC");
        herindicatie.setCviNummer("7654321");
        i.getIndicatiestelling().add(herindicatie);
        i.getSoortOnderwijs().add(groep("2026-10-01", "42"));
        Terugkoppeling t = verwerk("73AH", inschrijven(zonderPgn("2016-01-01"), i));
        geregistreerdMet(t, "345", "Als soort onderwijs > 0 en onderwijssoort indicatie is gevuld, dan moet soort onderwijs onderwijs aan "
                + "zeer moeilijk lerende kinderen consistent zijn met de indicatiestelling cluster 4: langdurig ziek anders dan lichamelijk "
                + "gehandicapt of zeer moeilijk opvoedbaar of verbonden aan een pedologisch instituut.");
    }

    @Test
    void eenIndicatieZonderRecBrinGeeft740() {
        Inschrijving i = wec("2026-08-01");
        i.getIndicatiestelling().get(0).setBrinRec(null);
        afgekeurdMet(verwerk("70AX", inschrijven(zonderPgn("2016-01-01"), i)), "740",
                "Het veld BRIN-nummer REC indicatiestelling moet gevuld zijn.", "70AX");
    }

    // --- age

    @Test
    void jongerDanVierOpDeIndicatiestellingGeeftAttentie333() {
        geregistreerdMet(verwerk("70AS", inschrijven(zonderPgn("2023-01-01"), wec("2026-08-01"))), "333",
                "Leerling moet op datum indicatiestelling (of datum inschrijving als deze laatste na datum indicatiestelling ligt) "
                        + "minimaal 4 jaar zijn (of 3 jaar als er sprake is van onderwijssoort indicatie 21, 22, 24, 25 en 26).");
    }

    @Test
    void eenDoveLeerlingVanDrieMagWel() {
        Inschrijving i = wec("2026-08-01");
        i.getSoortOnderwijs().get(0).setWaarde("21");
        i.getIndicatiestelling().get(0).setOnderwijssoortIndicatie("21");
        Terugkoppeling t = verwerk("70AT", inschrijven(bekendeLeerling("2023-01-01"), i));
        geregistreerdZonderSignalen(t);
    }

    // --- ambulante begeleiding

    @Test
    void eenAbDatumVoorDeInschrijvingGeeft328() {
        Inschrijving i = ambulant("71WA");
        i.getAmbulanteBegeleiding().get(0).setIngangsdatum("2026-08-15");
        afgekeurdMet(verwerk("70AR", inschrijven(zonderPgn("2016-01-01"), i)), "328",
                "Datum ingang ambulante begeleiding 15-08-2026 moet gelijk zijn aan/liggen na datum indicatiestelling 15-06-2026 en "
                        + "datum inschrijving 01-09-2026 en moet liggen voor of op de datum uitschrijving (geen).", "70AR");
    }

    /**
     * Handbook 8.1: the datum inschrijving of ambulante begeleiding is the day the coaching starts. Starting a
     * month later left that month a regular, funded place on the GTB.
     */
    @Test
    void eenAbDieLaterBegintDanDeInschrijvingGeeft303() {
        Inschrijving i = ambulant("71WA");
        i.getAmbulanteBegeleiding().get(0).setIngangsdatum("2026-10-01");
        afgekeurdMet(verwerk("73AP", inschrijven(zonderPgn("2016-01-01"), i)), "303",
                "Er ontbreekt een voorkomen van de gegevensgroep ambulante begeleiding waarvan de ingangsdatum gelijk is aan de datum "
                        + "inschrijving 01-09-2026.", "73AP");
    }

    @Test
    void eenSchoolsoortBijAmbulanteBegeleidingGeeft338() {
        Inschrijving i = ambulant("71WA");
        i.getSchoolsoort().get(0).setWaarde("1");
        afgekeurdMet(verwerk("70AU", inschrijven(zonderPgn("2016-01-01"), i)), "338",
                "Schoolsoort mag alleen '0' zijn bij ambulante begeleiding.", "70AU");
    }

    @Test
    void eenNncaBijAmbulanteBegeleidingGeeft343() {
        Inschrijving i = ambulant("71WA");
        i.setAanduidingNnca("1");
        afgekeurdMet(verwerk("70AV", inschrijven(zonderPgn("2016-01-01"), i)), "343",
                "Aanduiding niet-Nederlandse Culturele Achtergrond 1 moet 0 zijn bij ambulante begeleiding.", "70AV");
    }

    private static Inschrijving zonderIndicatie(Inschrijving i, String soortVerblijf) {
        i.getIndicatiestelling().clear();
        i.getSoortVerblijf().get(0).setWaarde(soortVerblijf);
        return i;
    }
}
