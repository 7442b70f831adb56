package nl.bronhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Afleverbak;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.SignaalTest;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.groep;
import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.wpo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The GTB (handbook ch. 9 and 10.2) of a prepared register, delivered as LAS berichten and read as the
 * operator (and the school's portal) reads it: per vestiging and peildatum the funded pupils per soort
 * onderwijs and age, CUMI, AB and returned pupils, and per pupil that does not count its signal.
 * The clock stands at 2 November 2026: the WEC peildata of 2026/27 are 17 August, 1 October, 16 January
 * (only on change) and 1 March.
 */
class GtbTest extends SignaalTest {

    /** Every GTB signal a test saw on a GTB (SignaalDekkingTest checks the catalogue against it). */
    static final Set<Integer> GEZIEN = ConcurrentHashMap.newKeySet();

    @Test
    void telt_per_soort_onderwijs_en_leeftijd_met_cumi_ab_teruggeplaatst_en_de_signalen() {
        // 70DI, vestiging 01: three funded pupils, one in each age group on 31 December 2026; the youngest NNCA 2
        Inschrijving cumi = wec("2026-08-17");
        cumi.setAanduidingNnca("2");
        String jong = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2021-03-01"), cumi)));
        pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2016-05-05"), wec("2026-08-17"))));
        pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2012-01-10"), wec("2026-08-17"))));
        // 1: uitgeschreven before 1 October
        Inschrijving weg = wec("2026-08-17");
        weg.setDatumUitschrijving("2026-09-30");
        String uitgeschreven = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2015-01-01"), weg)));
        // 5: a crisis place
        Inschrijving crisis = wec("2026-08-17");
        crisis.getIndicatiestelling().clear();
        crisis.getSoortVerblijf().get(0).setWaarde("1");
        String opCrisisplaats = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2014-02-02"), crisis)));
        // 2 and 4: enrolled here since 2025, and at 70DJ since September: 70DJ counts it
        Persoon dubbel = bekendeLeerling("2014-03-03");
        verwerk("70DI", inschrijven(dubbel, wec("2025-08-18")));
        verwerk("70DJ", inschrijven(dubbel, wec("2026-09-01")));
        // 18: soort onderwijs 32 with an indication for 33; 10: an indication of an unknown REC
        Inschrijving verkeerdeSoort = wec("2026-08-17");
        verkeerdeSoort.getSoortOnderwijs().get(0).setWaarde("32");
        String soortNietPassend = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2015-04-04"), verkeerdeSoort)));
        Inschrijving vreemdeRec = wec("2026-08-17");
        vreemdeRec.getIndicatiestelling().get(0).setBrinRec("99RC");
        String zonderRec = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2015-05-05"), vreemdeRec)));
        // 12: absence reported for 2026/27
        String verzuimd = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2015-06-06"), wec("2026-08-17"))));
        assertThat(operator().put("/scholen/70DI/verzuim", List.of(Map.of("pgn", verzuimd, "schooljaar", 2026))).status()).isEqualTo(200);
        // AB of two pupils at WPO school 72WA: one the WPO school enrolled, one it did not (8)
        Persoon begeleid = bekendeLeerling("2017-07-07");
        verwerk("72WA", inschrijven(begeleid, wpo("2026-08-17")));
        verwerk("70DI", inschrijven(begeleid, ambulant("72WA", "01")));
        String zonderLgf = pgn(verwerk("70DI", inschrijven(Berichten.zonderPgn("2017-08-08"), ambulant("72WA", "01"))));
        // returned to 72WA on 2 November (the school day after Saturday 31 October): counted as teruggeplaatst after 1 October
        Persoon terug = bekendeLeerling("2017-06-01");
        Inschrijving terugplaatsing = wec("2025-08-18");
        terugplaatsing.setDatumUitschrijving("2026-10-31");
        terugplaatsing.setBrinTeruggeplaatsteLeerling("72WA");
        verwerk("72WA", inschrijven(terug, wpo("2026-11-02")));
        verwerk("70DI", inschrijven(terug, terugplaatsing));

        JsonNode oktober = gtb("70DI", "01", "2026-10-01", 4);
        assertThat(telling(oktober, "33")).isEqualTo(List.of(1, 2, 1, 4));
        assertThat(oktober.get("totaal").asInt()).isEqualTo(4);
        assertThat(oktober.get("cumi").asInt()).isEqualTo(1);
        assertThat(oktober.get("abTotaal").asInt()).isEqualTo(1);
        assertThat(oktober.get("teruggeplaatstTotaal").asInt()).isZero();
        assertThat(signalen(oktober, "signalen")).contains(
                "1 " + uitgeschreven + " 2026-10-01 De leerling is door uw school uitgeschreven en telt niet langer mee voor de bekostiging.",
                "2 " + dubbel.getOnderwijsnummer() + " 2026-10-01 Uw inschrijving telt niet mee voor de bekostiging; de leerling heeft ook "
                        + "een inschrijving op de volgende scholen: 70DJ.",
                "5 " + opCrisisplaats + " 2026-08-17 De leerling is bij u ingeschreven op een crisis-/observatieplaats en telt bij uw "
                        + "school niet mee voor de bekostiging.",
                "8 " + zonderLgf + " 2026-10-01 Voor deze leerling heeft de WPO-school geen LGF gemeld.",
                "10 " + zonderRec + " 2026-08-17 De eerste 4 posities van het indicatienummer bevatten geen geldig REC-nummer.",
                "12 " + verzuimd + " 2026-10-01 De leerling is niet meegeteld voor de reguliere bekostiging wegens ongeoorloofd verzuim "
                        + "in de periode 1-8 tot 1-10.",
                "18 " + soortNietPassend + " 2026-08-17 Het soort onderwijs waarvoor de leerling is ingeschreven komt niet overeen met "
                        + "de indicatie.");
        assertThat(signalen(oktober, "signalen")).noneMatch(s -> s.contains(jong));
        assertThat(signalen(oktober, "attentiesignalen")).isEmpty();

        // the other school counts the doubly enrolled pupil, with signal 4
        JsonNode bijDeAndere = gtb("70DJ", "01", "2026-10-01", 1);
        assertThat(bijDeAndere.get("totaal").asInt()).isEqualTo(1);
        assertThat(signalen(bijDeAndere, "attentiesignalen")).containsExactly("4 " + dubbel.getOnderwijsnummer() + " 2026-10-01 Uw "
                + "inschrijving telt mee voor bekostiging, maar de leerling heeft ook een inschrijving op de volgende scholen: 70DI.");

        // on 1 March the returned pupil counts as teruggeplaatst, no longer among the funded; the absent one counts again
        JsonNode maart = gtb("70DI", "01", "2027-03-01", 4);
        assertThat(maart.get("teruggeplaatstTotaal").asInt()).isEqualTo(1);
        assertThat(maart.get("ab").get(0).get("teruggeplaatst").asInt()).isEqualTo(1);
        assertThat(signalen(maart, "signalen")).noneMatch(s -> s.startsWith("12 "));

        // 16 January shows only when the counts changed since 1 October; they did (the pupil returned)
        JsonNode peildata = operator().get("/scholen/70DI/gtb").json().get("01");
        assertThat(peildata.findValuesAsText("peildatum")).containsSubsequence("2027-03-01", "2027-01-16", "2026-10-01", "2026-08-17");

        // the WPO school: basisonderwijs, both pupils it enrolled
        JsonNode wpo = gtb("72WA", "01", "2027-03-01", 2);
        assertThat(telling(wpo, "BAO").get(3)).isEqualTo(2);
    }

    @Test
    void vestiging_onderwijssoort_indicatie_en_bevoegdheid() {
        // 3: still enrolled at vestiging 02, closed since 31 July 2024
        Inschrijving opgeheven = wec("2023-08-21");
        opgeheven.getVestiging().get(0).setWaarde("02");
        String opOpgeheven = pgn(verwerk("70DK", inschrijven(Berichten.zonderPgn("2013-01-01"), opgeheven)));
        // 19: soort onderwijs 33 at vestiging 03, which gives only 11 and 12
        Inschrijving nietToegestaan = wec("2026-08-17");
        nietToegestaan.getVestiging().get(0).setWaarde("03");
        String soortNietToegestaan = pgn(verwerk("70DK", inschrijven(Berichten.zonderPgn("2016-01-01"), nietToegestaan)));
        // 16: no indication yet on the peildata of August and October (one without any indication is refused with 740)
        Inschrijving zonderIndicatie = wec("2026-08-17");
        zonderIndicatie.getIndicatiestelling().get(0).setDatumIndicatiestelling("2026-10-15");
        Terugkoppeling t = verwerk("70DK", inschrijven(Berichten.zonderPgn("2016-02-02"), zonderIndicatie));
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        String geenIndicatie = pgn(t);
        // 19 for 00 too (niet van toepassing: the soort of ambulante begeleiding) on a place at vestiging 01, which does not give it
        Inschrijving nul = wec("2026-08-17");
        nul.getSoortOnderwijs().get(0).setWaarde("00");
        String soortNul = pgn(verwerk("70DK", inschrijven(Berichten.zonderPgn("2016-03-03"), nul)));
        // 9: a WPO pupil enrolled at three, with the inspectorate's consent presumed; it counts
        String teJong = pgn(verwerk("72WB", inschrijven(Berichten.zonderPgn("2022-10-01"), wpo("2026-08-17"))));
        // 25: vestiging 03 coaching a pupil whose indication (33) it has no soort onderwijs for
        String nietBevoegd = pgn(verwerk("70DK", inschrijven(Berichten.zonderPgn("2017-01-01"), ambulant("72WB", "03"))));
        // 17: a VGK institution coaching a pupil at a school that is not funded
        Inschrijving vgk = ambulant("72PA", "01");
        vgk.getIndicatiestelling().get(0).setOnderwijssoortIndicatie("11");
        vgk.getIndicatiestelling().get(0).setBrinRec(null);
        vgk.getIndicatiestelling().get(0).setCviNummer(null);
        String particulier = pgn(verwerk("72VA", inschrijven(Berichten.zonderPgn("2017-02-02"), vgk)));

        assertThat(signalen(gtb("70DK", "02", "2026-10-01", 0), "signalen")).containsExactly("3 " + opOpgeheven + " 2024-08-19 De leerling "
                + "staat ingeschreven bij een opgeheven vestiging en telt niet mee voor de bekostiging.");
        JsonNode drie = gtb("70DK", "03", "2026-10-01", 0);
        // the pupil coached at 72WB is not enrolled there either: 8 beside 25
        assertThat(signalen(drie, "signalen")).containsExactly(
                "8 " + nietBevoegd + " 2026-10-01 Voor deze leerling heeft de WPO-school geen LGF gemeld.",
                "19 " + soortNietToegestaan + " 2026-08-17 De onderwijssoort is niet toegestaan bij de vestiging; de inschrijving telt "
                        + "niet mee voor de bekostiging.",
                "25 " + nietBevoegd + " 2026-10-01 De WEC-school is niet bevoegd voor de ambulante begeleiding van de leerling met "
                        + "deze indicatie.");
        assertThat(signalen(gtb("70DK", "01", "2026-10-01", 0), "signalen")).containsExactly("16 " + geenIndicatie + " 2026-08-17 De "
                + "leerling heeft geen (geldige) indicatie en mag niet worden ingeschreven of moet per 31-7 worden uitgeschreven.",
                "19 " + soortNul + " 2026-08-17 De onderwijssoort is niet toegestaan bij de vestiging; de inschrijving telt "
                        + "niet mee voor de bekostiging.");
        JsonNode wpo = gtb("72WB", "01", "2026-10-01", 1);
        assertThat(wpo.get("totaal").asInt()).isEqualTo(1);
        assertThat(signalen(wpo, "attentiesignalen")).containsExactly("9 " + teJong + " 2026-08-17 De leerling wordt geacht met "
                + "toestemming van de inspecteur van het onderwijs toegelaten te zijn tot uw school.");
        assertThat(signalen(gtb("72VA", "01", "2026-10-01", 0), "signalen")).containsExactly(
                "8 " + particulier + " 2026-10-01 Voor deze leerling heeft de WPO-school geen LGF gemeld.",
                "17 " + particulier + " 2026-10-01 Een "
                + "VGK-instelling mag alleen een leerling op een bekostigde school ambulant begeleiden.");
    }

    /**
     * Issue 17, items 7 and 8. Handbook 8.4: a pupil that does not qualify on 1 October is registered with
     * indicatie bekostiging 'Nee' (7.4.9), and may be set to 'Ja' after it: signal 12 wherever 'N' is in force.
     * Handbook 8.5: a residential place (soort verblijf 3-6) admits without an indication: it counts, no 16.
     */
    @Test
    void indicatie_bekostiging_nee_van_de_las_en_een_residentiele_plaats_zonder_indicatie() {
        Inschrijving nee = wec("2026-08-17");
        nee.getIndicatieBekostiging().add(groep("2026-10-01", "N"));
        nee.getIndicatieBekostiging().add(groep("2026-11-02", "J"));
        Persoon afwezig = bekendeLeerling("2015-06-07");
        geregistreerdZonderSignalen(verwerk("73AI", inschrijven(afwezig, nee)));
        Inschrijving residentieel = wec("2026-08-17");
        residentieel.getIndicatiestelling().clear();
        residentieel.getSoortVerblijf().get(0).setWaarde("4");
        String opgenomen = pgn(verwerk("73AI", inschrijven(Berichten.zonderPgn("2015-07-08"), residentieel)));

        assertThat(gtb("73AI", "01", "2026-08-17", 2).get("signalen")).isEmpty();
        JsonNode oktober = gtb("73AI", "01", "2026-10-01", 1);
        assertThat(signalen(oktober, "signalen")).containsExactly("12 " + afwezig.getOnderwijsnummer() + " 2026-10-01 De leerling is niet "
                + "meegeteld voor de reguliere bekostiging wegens ongeoorloofd verzuim in de periode 1-8 tot 1-10.");
        assertThat(signalen(oktober, "attentiesignalen")).isEmpty();
        assertThat(telling(oktober, "33")).isEqualTo(List.of(0, 1, 0, 1));
        assertThat(signalen(oktober, "signalen")).noneMatch(s -> s.contains(opgenomen));
        // 'Ja' again from 2 November: both count on 1 March
        JsonNode maart = gtb("73AI", "01", "2027-03-01", 2);
        assertThat(maart.get("signalen")).isEmpty();
    }

    @Test
    void terugplaatsing_die_niet_aansluit_of_nog_lgf_heeft() {
        // 26: back at 72WB only weeks after leaving 70DL
        Persoon laat = bekendeLeerling("2016-09-09");
        Inschrijving uit = wec("2025-08-18");
        uit.setDatumUitschrijving("2026-10-16");
        uit.setBrinTeruggeplaatsteLeerling("72WB");
        verwerk("72WB", inschrijven(laat, wpo("2026-11-02")));
        verwerk("70DL", inschrijven(laat, uit));
        // 27: returned, while 70DM still coaches it at 72WB (LGF)
        Persoon metLgf = bekendeLeerling("2016-10-10");
        Inschrijving uit2 = wec("2025-08-18");
        uit2.setDatumUitschrijving("2026-10-30");
        uit2.setBrinTeruggeplaatsteLeerling("72WB");
        verwerk("72WB", inschrijven(metLgf, wpo("2026-11-02")));
        verwerk("70DL", inschrijven(metLgf, uit2));
        verwerk("70DM", inschrijven(metLgf, Berichten.ambulant("2026-11-02", "72WB", "01")));

        JsonNode maart = gtb("70DL", "01", "2027-03-01", 0);
        assertThat(maart.get("teruggeplaatstTotaal").asInt()).isZero();
        assertThat(signalen(maart, "signalen")).contains(
                "26 " + laat.getOnderwijsnummer() + " 2027-01-16 Datum inschrijving bij de WPO-school sluit niet aan bij de datum "
                        + "uitschrijving van de WEC-school.",
                "27 " + metLgf.getOnderwijsnummer() + " 2027-01-16 De terugplaatsing komt niet voor bekostiging in aanmerking zolang de "
                        + "leerling nog recht op LGF heeft.");
    }

    @Test
    void een_mutatie_verandert_de_gtb() {
        Persoon leerling = bekendeLeerling("2016-04-04");
        verwerk("70DP", inschrijven(leerling, wec("2026-08-17")));
        assertThat(gtb("70DP", "01", "2026-10-01", 1).get("signalen")).isEmpty();

        // the LAS reports that the pupil left on 15 September: from 1 October it no longer counts
        Inschrijving uit = wec("2026-08-17");
        uit.setDatumUitschrijving("2026-09-15");
        verwerk("70DP", Berichten.bericht("wijzigen", leerling, uit));
        assertThat(signalen(gtb("70DP", "01", "2026-10-01", 0), "signalen")).containsExactly("1 " + leerling.getOnderwijsnummer()
                + " 2026-10-01 De leerling is door uw school uitgeschreven en telt niet langer mee voor de bekostiging.");
        assertThat(gtb("70DP", "01", "2026-08-17", 1).get("signalen")).isEmpty();
    }

    @Test
    void vergelijkingsoverzicht_ambulant_begeleide_leerlingen() {
        // two WEC schools coach three pupils at WPO school 72WC, from 1 October
        String gelijk = pgn(verwerk("70DN", inschrijven(Berichten.zonderPgn("2017-01-11"), ambulant("72WC", "01"))));
        String andereDatum = pgn(verwerk("70DN", inschrijven(Berichten.zonderPgn("2017-01-12"), ambulant("72WC", "01"))));
        String alleenBron = pgn(verwerk("70DO", inschrijven(Berichten.zonderPgn("2017-01-13"), ambulant("72WC", "01"))));
        // the school's form: the first as in BRON, the second from another date, and one BRON does not have
        var opgave = List.of(Map.of("pgn", gelijk, "brinWec", "70DN", "ingangsdatum", "2026-10-01"),
                Map.of("pgn", andereDatum, "brinWec", "70DN", "ingangsdatum", "2026-08-17"),
                Map.of("pgn", "999990482", "brinWec", "70DO", "ingangsdatum", "2026-08-17"));
        assertThat(operator().put("/scholen/72WC/ab-opgave", opgave).status()).isEqualTo(200);

        assertThat(vergelijking("72WC")).containsExactlyInAnyOrder(
                        gelijk + " 70DN 2026-10-01 2026-10-01 GELIJK",
                        andereDatum + " 70DN 2026-10-01 2026-08-17 ANDERE_DATUM",
                        alleenBron + " 70DO 2026-10-01 null ALLEEN_IN_BRON",
                        "999990482 70DO null 2026-08-17 ALLEEN_IN_OPGAVE");

        // a list with a wrong line is refused whole, and the earlier list stays
        var fout = operator().put("/scholen/72WC/ab-opgave", List.of(Map.of("pgn", "12345", "brinWec", "70DN")));
        assertThat(fout.status()).isEqualTo(400);
        assertThat(fout.json().get("detail").asText()).isEqualTo("regel 1: pgn moet 9 cijfers zijn");
        // the same checks as a file (they were skipped: found by a hostile operator's look): the elfproef, a WEC or VGK
        // school, a line twice, an entry that is null (a 500 with a stack trace), a list for a school that is no WPO school
        Map<String, String> goed = Map.of("pgn", gelijk, "brinWec", "70DN", "ingangsdatum", "2026-10-01");
        for (Map.Entry<java.util.List<?>, String> geval : Map.<java.util.List<?>, String>of(
                List.of(Map.of("pgn", "123456789", "brinWec", "70DN")), "regel 1: pgn is geen geldig BSN of onderwijsnummer (elfproef)",
                List.of(goed, Map.of("pgn", andereDatum, "brinWec", "72WC")), "regel 2: brinWec is geen WEC- of VGK-instelling die in het "
                        + "BRIN-register staat en geldig is op de ingangsdatum (of vandaag)",
                List.of(goed, goed), "regel 2: pgn en brinWec staan ook op regel 1",
                java.util.Arrays.asList(goed, null), "regel 2: ontbreekt (verwacht pgn, brinWec en ingangsdatum)").entrySet()) {
            var geweigerd = operator().put("/scholen/72WC/ab-opgave", geval.getKey());
            assertThat(geweigerd.status()).as(geval.getValue()).isEqualTo(400);
            assertThat(geweigerd.json().get("detail").asText()).isEqualTo(geval.getValue());
        }
        var geenWpo = operator().put("/scholen/70DN/ab-opgave", List.of(goed));
        assertThat(geenWpo.status()).isEqualTo(400);
        assertThat(geenWpo.json().get("detail").asText()).isEqualTo("school 70DN is geen WPO-school; alleen WPO-scholen geven een AB-opgave");
        var verzuimNull = operator().put("/scholen/72WC/verzuim", java.util.Arrays.asList((Object) null));
        assertThat(verzuimNull.status()).isEqualTo(400);
        assertThat(verzuimNull.json().get("detail").asText()).isEqualTo("regel 1: ontbreekt (verwacht pgn en schooljaar)");
        assertThat(operator().put("/scholen/72WC/verzuim", List.of(Map.of("pgn", "999990483", "schooljaar", 2026))).json()
                .get("detail").asText()).isEqualTo("regel 1: pgn is geen geldig BSN of onderwijsnummer (elfproef)");
        assertThat(operator().get("/scholen/72WC/ab-vergelijking").json().size()).isEqualTo(4);
    }

    @Test
    void de_opgave_als_bestand_van_de_operator() {
        Afleverbak bak = new Afleverbak(Path.of(AB_OPGAVEN));
        bak.vergeet("72WD.csv");
        String begeleid = pgn(verwerk("70DN", inschrijven(Berichten.zonderPgn("2017-01-14"), ambulant("72WD", "01"))));

        bak.leg("72WD.csv", "pgn;brinWec;ingangsdatum\n# van het formulier van 12 oktober\n" + begeleid + ";70dn;2026-10-01\n"
                + "999990482;70DO;\n");
        bak.wachtTotVerplaatst("72WD.csv", "verwerkt");
        assertThat(vergelijking("72WD")).containsExactlyInAnyOrder(begeleid + " 70DN 2026-10-01 2026-10-01 GELIJK",
                "999990482 70DO null null ALLEEN_IN_OPGAVE");

        // a file with a wrong line changes nothing, and goes to fout/ with the line and the field beside it
        bak.leg("72WD.csv", "pgn;brinWec;ingangsdatum\n" + begeleid + ";70DN;1-10-2026\n");
        Path fout = bak.wachtTotVerplaatst("72WD.csv", "fout");
        assertThat(lees(Afleverbak.reden(fout)))
                .isEqualTo("Niet verwerkt, niets is toegepast: regel 2: ingangsdatum moet JJJJ-MM-DD zijn" + System.lineSeparator());
        assertThat(vergelijking("72WD")).hasSize(2);
        bak.leg("x72WD.csv", "");
        assertThat(lees(Afleverbak.reden(bak.wachtTotVerplaatst("x72WD.csv", "fout"))))
                .contains("de bestandsnaam moet het BRIN-nummer van de school zijn, bijv. 00AA.csv");

        // an empty list clears the school's
        bak.leg("72WD.csv", "pgn;brinWec;ingangsdatum\n");
        bak.wachtTotVerplaatst("72WD.csv", "verwerkt");
        assertThat(vergelijking("72WD")).containsExactly(begeleid + " 70DN 2026-10-01 null ALLEEN_IN_BRON");
    }

    private List<String> vergelijking(String brin) {
        return StreamSupport.stream(operator().get("/scholen/" + brin + "/ab-vergelijking").json().spliterator(), false)
                .map(r -> r.get("pgn").asText() + " " + r.get("brinWec").asText() + " " + r.get("ingangBron").asText() + " "
                        + r.get("ingangOpgave").asText() + " " + r.get("uitkomst").asText()).toList();
    }

    private static String lees(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The GTB as the operator API gives it, once the recomputation has caught up (no pupil noted, and
     * {@code totaal} funded pupils). The notes are looked at first: a pupil's note goes in the same
     * transaction as its new rows, so a GTB read after that has them.
     */
    private JsonNode gtb(String brin, String vestiging, String peildatum, int totaal) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from gtb_wijziging", Integer.class) == 0
                ? operator().get("/scholen/" + brin + "/gtb/" + vestiging + "/" + peildatum).json() : null,
                g -> g != null && g.get("totaal").asInt() == totaal);
    }

    /** [<8, 8-12, 13+, totaal] of one soort onderwijs. */
    private static List<Integer> telling(JsonNode gtb, String soort) {
        for (JsonNode t : gtb.get("bekostigd")) {
            if (t.get("soortOnderwijs").asText().equals(soort)) {
                return List.of(t.get("onder8").asInt(), t.get("van8tot12").asInt(), t.get("vanaf13").asInt(), t.get("totaal").asInt());
            }
        }
        throw new AssertionError("no count for soort onderwijs " + soort + " in " + gtb);
    }

    static List<String> signalen(JsonNode gtb, String soort) {
        gtb.get(soort).forEach(s -> GEZIEN.add(s.get("signaal").asInt()));
        return StreamSupport.stream(gtb.get(soort).spliterator(), false)
                .map(s -> s.get("signaal").asInt() + " " + s.get("pgn").asText() + " " + s.get("datumIngang").asText() + " "
                        + s.get("tekst").asText()).toList();
    }

    private static String pgn(Terugkoppeling t) {
        assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
        return t.getLeerling().getOnderwijsnummer();
    }

    /** Ambulante begeleiding from 1 October 2026 of a pupil at {@code school}, by the given vestiging. */
    public static Inschrijving ambulant(String school, String vestiging) {
        return Berichten.ambulant("2026-10-01", school, vestiging);
    }
}
