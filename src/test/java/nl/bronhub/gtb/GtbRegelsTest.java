package nl.bronhub.gtb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import nl.bronhub.ConfigLezer;
import nl.bronhub.gtb.GtbRegels.Begeleiding;
import nl.bronhub.gtb.GtbRegels.Categorie;
import nl.bronhub.gtb.GtbRegels.Indicatie;
import nl.bronhub.gtb.GtbRegels.Inschrijving;
import nl.bronhub.gtb.GtbRegels.Leerling;
import nl.bronhub.gtb.GtbRegels.Rij;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.referentie.ReferentieEigenschappen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GTB's rules (handbook ch. 9 and 10.2) without a hub: how one pupil counts on each peildatum of each school, with
 * the tests' reference register and the real schedule (first school day the first Monday from 17 August). Today is
 * 15 September 2026, the GTB covers only that school year unless a test says otherwise: a WEC or VGK school has
 * peildata 17-08-2026, 01-10-2026, 16-01-2027 and 01-03-2027, a WPO school 1 August, 17 August and the first of
 * every month. Schools: 10AA/10AB WEC (vestiging 01 most soorten, 02 closed after 31-07-2024, 03 only 11 and 12),
 * 71WA/71WB WPO, 72PA an unfunded WPO school, 71VA VGK, 71XA a WEC school closed after 31-07-2020, 71VO WVO.
 */
class GtbRegelsTest {

    private static final Instellingen INSTELLINGEN = new Instellingen(new ReferentieEigenschappen("src/test/resources/referentie/instellingen.yaml"), new ConfigLezer());
    private static final LocalDate VANDAAG = LocalDate.of(2026, 9, 15);

    private static final LocalDate EERSTE_SCHOOLDAG = LocalDate.of(2026, 8, 17);
    private static final LocalDate OKTOBER = LocalDate.of(2026, 10, 1);
    private static final LocalDate JANUARI = LocalDate.of(2027, 1, 16);
    private static final LocalDate MAART = LocalDate.of(2027, 3, 1);

    private final GtbRegels regels = regels(0);
    private long volgendeId = 1;

    // ---- which inschrijvingen get a row ----

    /** A regular WEC place, correctly filled: counted on every peildatum, without a signal. */
    @Test
    void eenGewonePlaatsTeltOpElkePeildatum() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01"));
        assertThat(rijen).extracting(Rij::peildatum).containsExactly(EERSTE_SCHOOLDAG, OKTOBER, JANUARI, MAART);
        assertThat(rijen).allSatisfy(r -> {
            assertThat(r.categorie()).isEqualTo(Categorie.BEKOSTIGD);
            assertThat(r.signalen()).isEmpty();
            assertThat(r.vestiging()).isEqualTo("01");
            assertThat(r.soortOnderwijs()).isEqualTo("33");
        });
    }

    /** Only WPO, WEC and VGK schools have a GTB: a WVO school, or a BRIN the register does not know, gives no row. */
    @Test
    void eenSchoolZonderGtbGeeftGeenRijen() {
        assertThat(beoordeel(sanne(), wpo("71VO", "2026-08-01"), wpo("99ZZ", "2026-08-01"))).isEmpty();
    }

    /** A WPO school counts on 1 August, the first school day and the first of every month, soort onderwijs BAO. */
    @Test
    void eenWpoSchoolHeeftZijnEigenPeildata() {
        List<Rij> rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01"));
        assertThat(rijen).hasSize(13);
        assertThat(rijen.get(0).peildatum()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(rijen.get(1).peildatum()).isEqualTo(EERSTE_SCHOOLDAG);
        assertThat(rijen.get(12).peildatum()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(rijen).allSatisfy(r -> {
            assertThat(r.soortOnderwijs()).isEqualTo("BAO");
            assertThat(r.categorie()).isEqualTo(Categorie.BEKOSTIGD);
        });
    }

    /** An inschrijving counts from its datum inschrijving: on that day, not the day before. */
    @Test
    void eenInschrijvingTeltVanafDeDatumInschrijving() {
        assertThat(beoordeel(sanne(), wec("10AA", "2026-10-01"))).extracting(Rij::peildatum).containsExactly(OKTOBER, JANUARI, MAART);
        assertThat(beoordeel(sanne(), wec("10AA", "2026-10-02"))).extracting(Rij::peildatum).containsExactly(JANUARI, MAART);
    }

    // ---- 1: uitgeschreven ----

    /** 1: uitgeschreven before the peildatum (the day before); on the peildatum itself the pupil still counts. */
    @Test
    void eenUitgeschrevenLeerlingGeeftSignaalEen() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2026-09-30"));
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("1 2026-10-01");
        assertThat(signalen(rijen, "10AA", MAART)).as("the same run: ingang stays 1 October").containsExactly("1 2026-10-01");

        rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2026-10-01"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).isEmpty();
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.BEKOSTIGD);
        assertThat(signalen(rijen, "10AA", JANUARI)).containsExactly("1 2027-01-16");
    }

    /** 1 is given within the school year of the uitschrijving (from 31 July on); an older uitschrijving gives no row. */
    @Test
    void eenUitschrijvingVoorHetSchooljaarGeeftGeenRij() {
        assertThat(beoordeel(sanne(), wec("10AA", "2025-08-01").uit("2026-07-31"))).extracting(r -> r.signalen().get(0).code())
                .containsExactly(1, 1, 1, 1);
        assertThat(beoordeel(sanne(), wec("10AA", "2025-08-01").uit("2026-07-30"))).isEmpty();
    }

    // ---- 26, 27: terugplaatsing ----

    /**
     * Handbook 10.2: a WEC pupil on 1 October, uitgeschreven later and teruggeplaatst to a regular school that enrols
     * them the next school day, counts as teruggeplaatst (with 1); a Friday's uitschrijving is followed by Monday.
     */
    @Test
    void eenTerugplaatsingDieAansluitTeltAlsTeruggeplaatst() {
        // 5 February 2027 is a Friday
        for (String start : List.of("2027-02-06", "2027-02-08")) {
            List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2027-02-05").teruggeplaatst("71WA"), wpo("71WA", start));
            assertThat(op(rijen, "10AA", MAART).categorie()).as(start).isEqualTo(Categorie.TERUGGEPLAATST);
            assertThat(signalen(rijen, "10AA", MAART)).as(start).containsExactly("1 2027-03-01");
        }
    }

    /** 26: the regular school's inschrijving does not start the next school day (the same day, or a day late). */
    @Test
    void eenTerugplaatsingDieNietAansluitTeltNiet() {
        for (String start : List.of("2027-02-05", "2027-02-09")) {
            List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2027-02-05").teruggeplaatst("71WA"), wpo("71WA", start));
            assertThat(op(rijen, "10AA", MAART).categorie()).as(start).isEqualTo(Categorie.NIET_BEKOSTIGD);
            assertThat(signalen(rijen, "10AA", MAART)).as(start).containsExactly("1 2027-03-01", "26 2027-03-01");
        }
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2027-02-05").teruggeplaatst("71WA"));
        assertThat(signalen(rijen, "10AA", MAART)).as("no regular school at all").containsExactly("1 2027-03-01", "26 2027-03-01");
    }

    /** 27: no terugplaatsing while another school still gives the pupil ambulante begeleiding (LGF). */
    @Test
    void eenTerugplaatsingMetNogAmbulanteBegeleidingTeltNiet() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2027-02-05").teruggeplaatst("71WA"),
                wpo("71WA", "2027-02-08"), ambulant("10AB", "2027-02-08", "71WA"));
        assertThat(op(rijen, "10AA", MAART).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
        assertThat(signalen(rijen, "10AA", MAART)).containsExactly("1 2027-03-01", "27 2027-03-01");
    }

    /** Terugplaatsing needs the WEC place on 1 October: a pupil uitgeschreven before it is just uitgeschreven. */
    @Test
    void eenUitschrijvingVoorEenOktoberIsGeenTerugplaatsing() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").uit("2026-09-25").teruggeplaatst("71WA"), wpo("71WA", "2026-09-28"));
        assertThat(op(rijen, "10AA", MAART).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
        assertThat(signalen(rijen, "10AA", MAART)).containsExactly("1 2026-10-01");
    }

    // ---- 3, 19: vestiging ----

    /** 3: a vestiging closed after 31 July 2024 counts up to then and gives 3 from the first peildatum after. */
    @Test
    void eenOpgehevenVestigingGeeftDrie() {
        GtbRegels tweeJaar = regels(1);
        Inschrijving i = wec("10AA", "2023-08-01").groep("vestiging", "2023-08-01", "02").zonderIndicatie()
                .indicatie("2023-06-15", "33", "12RC").bouw();
        List<Rij> rijen = tweeJaar.beoordeel(leerling(LocalDate.of(2016, 3, 14), i), LocalDate.of(2024, 9, 15));
        assertThat(signalen(rijen, "10AA", LocalDate.of(2024, 3, 1))).isEmpty();
        assertThat(signalen(rijen, "10AA", LocalDate.of(2024, 8, 19))).containsExactly("3 2024-08-19");
        assertThat(signalen(rijen, "10AA", LocalDate.of(2025, 3, 1))).containsExactly("3 2024-08-19");
        assertThat(op(rijen, "10AA", LocalDate.of(2025, 3, 1)).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
    }

    /** 3: a closed school, or a vestiging the register does not know. */
    @Test
    void eenOpgehevenSchoolOfOnbekendeVestigingGeeftDrie() {
        assertThat(signalen(beoordeel(sanne(), wec("71XA", "2026-08-01")), "71XA", OKTOBER)).containsExactly("3 2026-08-17");
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").groep("vestiging", "2026-08-01", "09"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("3 2026-08-17");
    }

    /**
     * 3 for the school itself: closed after 30 September 2026 while its vestiging stays open (a register of one
     * school, written for this test: the tests' register closes school and vestiging together).
     */
    @Test
    void eenOpgehevenSchoolMetEenOpenVestigingGeeftDrie(@TempDir Path map) throws IOException {
        Path bestand = map.resolve("instellingen.yaml");
        Files.writeString(bestand, """
                recs: ["12RC"]
                instellingen:
                  - {brin: "80AA", soort: WEC, geldigVanaf: 1990-08-01, geldigTot: 2026-09-30, vestigingen: [{volgnummer: "01", geldigVanaf: 1990-08-01, soortenOnderwijs: ["33"]}]}
                """);
        GtbRegels eigen = new GtbRegels(new Instellingen(new ReferentieEigenschappen(bestand.toString()), new ConfigLezer()), peildata(0));
        List<Rij> rijen = eigen.beoordeel(leerling(sanne(), wec("80AA", "2026-08-01").bouw()), VANDAAG);
        assertThat(signalen(rijen, "80AA", EERSTE_SCHOOLDAG)).isEmpty();
        assertThat(signalen(rijen, "80AA", OKTOBER)).as("the day after geldigTot").containsExactly("3 2026-10-01");
    }

    /** An inschrijving stored without a vestiging is counted at vestiging 01 (no 3). */
    @Test
    void zonderVestigingTeltDeLeerlingOpVestigingEen() {
        Bouwer b = wec("10AA", "2026-08-01");
        b.groepen.remove("vestiging");
        List<Rij> rijen = beoordeel(sanne(), b);
        assertThat(op(rijen, "10AA", OKTOBER).vestiging()).isEqualTo("01");
        assertThat(signalen(rijen, "10AA", OKTOBER)).isEmpty();
    }

    /** 19: a soort onderwijs the vestiging may not give (03 gives only 11 and 12); every period judged on its own. */
    @Test
    void eenSoortOnderwijsDieDeVestigingNietGeeftTeltNiet() {
        Bouwer b = wec("10AA", "2026-08-01").groep("vestiging", "2026-08-01", "03")
                .groep("vestiging", "2027-01-01", "01");
        List<Rij> rijen = beoordeel(sanne(), b);
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("19 2026-08-17");
        assertThat(op(rijen, "10AA", OKTOBER).vestiging()).isEqualTo("03");
        assertThat(signalen(rijen, "10AA", JANUARI)).as("vestiging 01 from 1 January").isEmpty();
    }

    // ---- 5, 16, 10, 18: the place and the indication ----

    /** 5: a crisis (1) or observatie (2) place does not count, and needs no indication; 3-6 count without one. */
    @Test
    void eenCrisisOfObservatieplaatsGeeftVijf() {
        for (String verblijf : List.of("1", "2")) {
            List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").groep("soort_verblijf", "2026-08-01", verblijf).zonderIndicatie());
            assertThat(signalen(rijen, "10AA", OKTOBER)).as(verblijf).containsExactly("5 2026-08-17");
        }
        for (String verblijf : List.of("3", "6")) {
            List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").groep("soort_verblijf", "2026-08-01", verblijf).zonderIndicatie());
            assertThat(signalen(rijen, "10AA", OKTOBER)).as(verblijf).isEmpty();
            assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.BEKOSTIGD);
        }
    }

    /** 16: no indication on the peildatum; one dated on the peildatum counts, one dated the day after does not yet. */
    @Test
    void geenIndicatieOpDePeildatumTeltNiet() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").zonderIndicatie().indicatie("2026-10-01", "33", "12RC"));
        assertThat(signalen(rijen, "10AA", EERSTE_SCHOOLDAG)).containsExactly("16 2026-08-17");
        assertThat(signalen(rijen, "10AA", OKTOBER)).isEmpty();

        rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").zonderIndicatie().indicatie("2026-10-02", "33", "12RC"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("16 2026-08-17");
        assertThat(signalen(rijen, "10AA", JANUARI)).isEmpty();
    }

    /** 10: an indication without a known REC; visual indications (11, 12) and a VGK institution need none. */
    @Test
    void eenIndicatieZonderGeldigRecGeeftTien() {
        assertThat(signalen(beoordeel(sanne(), wec("10AA", "2026-08-01").zonderIndicatie().indicatie("2026-06-15", "33", "99XX")),
                "10AA", OKTOBER)).containsExactly("10 2026-08-17");
        Bouwer visueel = wec("10AA", "2026-08-01").groep("vestiging", "2026-08-01", "03").groep("soort_onderwijs", "2026-08-01", "11")
                .zonderIndicatie().indicatie("2026-06-15", "11", "99XX");
        assertThat(signalen(beoordeel(sanne(), visueel), "10AA", OKTOBER)).isEmpty();
        Bouwer vgk = wec("71VA", "2026-08-01").groep("soort_onderwijs", "2026-08-01", "11").zonderIndicatie()
                .indicatie("2026-06-15", "33", "99XX");
        assertThat(signalen(beoordeel(sanne(), vgk), "71VA", OKTOBER)).as("VGK, a 33 indication at an 11 place").containsExactly("18 2026-08-17");
    }

    /** 18: the soort onderwijs must fit the indication; 35 (Down) fits 33, cluster 4 (40) fits 41-43. */
    @Test
    void eenSoortOnderwijsDieNietBijDeIndicatiePastTeltNiet() {
        assertThat(signalen(beoordeel(sanne(), wec("10AA", "2026-08-01").groep("soort_onderwijs", "2026-08-01", "34")), "10AA", OKTOBER))
                .containsExactly("18 2026-08-17");
        assertThat(signalen(beoordeel(sanne(), wec("10AA", "2026-08-01").zonderIndicatie().indicatie("2026-06-15", "35", "12RC")),
                "10AA", OKTOBER)).isEmpty();
        assertThat(signalen(beoordeel(sanne(), wec("10AA", "2026-08-01").groep("soort_onderwijs", "2026-08-01", "42").zonderIndicatie()
                .indicatie("2026-06-15", "40", "12RC")), "10AA", OKTOBER)).isEmpty();
    }

    /** A re-indication replaces the earlier one from its date: the newest indication on the peildatum is judged. */
    @Test
    void deNieuwsteIndicatieOpDePeildatumTelt() {
        Bouwer b = wec("10AA", "2026-08-01").zonderIndicatie().indicatie("2026-06-15", "34", "12RC").indicatie("2026-12-01", "33", "12RC");
        List<Rij> rijen = beoordeel(sanne(), b);
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("18 2026-08-17");
        assertThat(signalen(rijen, "10AA", JANUARI)).isEmpty();
    }

    /** A WPO school is not judged on indications or soorten onderwijs (no 16, 19, 10, 18). */
    @Test
    void eenWpoSchoolKentGeenIndicatieregels() {
        assertThat(beoordeel(sanne(), wpo("71WA", "2026-08-01"))).allSatisfy(r -> assertThat(r.signalen()).isEmpty());
    }

    // ---- 12: not bekostigbaar ----

    /**
     * 12: the LAS registered indicatie bekostiging 'Nee'. Each period on its own: N, then J from September, then N again
     * from January; a run that is interrupted starts a new datum ingang.
     */
    @Test
    void indicatieBekostigingNeeTeltNietPerPeriode() {
        Bouwer b = wec("10AA", "2026-08-01").groep("indicatie_bekostiging", "2026-08-01", "N")
                .groep("indicatie_bekostiging", "2026-09-01", "J").groep("indicatie_bekostiging", "2027-01-01", "N");
        List<Rij> rijen = beoordeel(sanne(), b);
        assertThat(signalen(rijen, "10AA", EERSTE_SCHOOLDAG)).containsExactly("12 2026-08-17");
        assertThat(signalen(rijen, "10AA", OKTOBER)).isEmpty();
        assertThat(signalen(rijen, "10AA", JANUARI)).containsExactly("12 2027-01-16");
        assertThat(signalen(rijen, "10AA", MAART)).containsExactly("12 2027-01-16");
        assertThat(op(rijen, "10AA", MAART).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
    }

    /** 12 by the operator: absence reported for this school and school year counts on 1 October only. */
    @Test
    void verzuimVolgensDeOperatorTeltNietOpEenOktober() {
        Inschrijving i = wec("10AA", "2026-08-01").bouw();
        List<Rij> rijen = regels.beoordeel(new Leerling(1L, "101234565", LocalDate.of(2016, 3, 14), List.of(i), Set.of("10AA|2026")),
                VANDAAG);
        assertThat(rijen).extracting(r -> r.peildatum() + " " + codes(r)).containsExactly("2026-08-17 []", "2026-10-01 [12]",
                "2027-01-16 []", "2027-03-01 []");
        assertThat(regels.beoordeel(new Leerling(1L, "101234565", LocalDate.of(2016, 3, 14), List.of(i), Set.of("10AB|2026", "10AA|2025")),
                VANDAAG)).as("another school or year").allSatisfy(r -> assertThat(r.signalen()).isEmpty());
    }

    // ---- 2, 4: double enrolment ----

    /** 2 and 4: the pupil counts at the school it was enrolled at most recently; both are told the other school. */
    @Test
    void eenDubbeleInschrijvingGeeftTweeEnVier() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01"), wec("10AB", "2026-09-01"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("2 2026-10-01 10AB");
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
        assertThat(signalen(rijen, "10AB", OKTOBER)).containsExactly("4 2026-10-01 10AA");
        assertThat(op(rijen, "10AB", OKTOBER).categorie()).isEqualTo(Categorie.BEKOSTIGD);
        assertThat(signalen(rijen, "10AA", EERSTE_SCHOOLDAG)).as("before the second inschrijving").isEmpty();
    }

    /** 2 and 4 on the same datum inschrijving: the later registered one (higher id) wins; a WPO school competes too. */
    @Test
    void eenDubbeleInschrijvingOpDezelfdeDag() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01"), wpo("71WA", "2026-08-01"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("2 2026-08-17 71WA");
        assertThat(signalen(rijen, "71WA", OKTOBER)).containsExactly("4 2026-08-01 10AA");
    }

    /** A crisis place, ambulante begeleiding, or a school without a GTB (WVO) does not compete: no 2 or 4. */
    @Test
    void nietElkeInschrijvingConcurreert() {
        assertThat(signalen(beoordeel(sanne(), wec("10AA", "2026-08-01"),
                wec("10AB", "2026-09-01").groep("soort_verblijf", "2026-09-01", "1")), "10AA", OKTOBER)).isEmpty();
        assertThat(signalen(beoordeel(sanne(), wec("10AA", "2026-08-01"), wpo("71VO", "2026-09-01")), "10AA", OKTOBER)).isEmpty();
        assertThat(signalen(beoordeel(sanne(), wpo("71WA", "2026-08-01"), ambulant("10AB", "2026-09-01", "71WA")), "71WA", OKTOBER))
                .isEmpty();
    }

    // ---- 9: minimum age ----

    /** 9 (attentie, still counted): enrolled before the 4th birthday; on the birthday itself no 9. */
    @Test
    void eenInschrijvingVoorDeVierdeVerjaardagGeeftNegen() {
        Leerling teJong = leerling(LocalDate.of(2022, 8, 2), wpo("71WA", "2026-08-01").bouw());
        List<Rij> rijen = regels.beoordeel(teJong, VANDAAG);
        assertThat(signalen(rijen, "71WA", OKTOBER)).containsExactly("9 2026-08-01");
        assertThat(op(rijen, "71WA", OKTOBER).categorie()).isEqualTo(Categorie.BEKOSTIGD);

        assertThat(regels.beoordeel(leerling(LocalDate.of(2022, 8, 1), wpo("71WA", "2026-08-01").bouw()), VANDAAG))
                .allSatisfy(r -> assertThat(r.signalen()).isEmpty());
    }

    /** 9 at a WEC school: the indications that may start at 3 (21, 22, 24-26) lower the age to 3, others keep 4. */
    @Test
    void eenIndicatieVanafDrieJaarVerlaagtDeMinimumleeftijd() {
        Bouwer doof = wec("10AA", "2026-08-01").groep("soort_onderwijs", "2026-08-01", "21").zonderIndicatie()
                .indicatie("2026-06-15", "21", "12RC");
        assertThat(signalen(regels.beoordeel(leerling(LocalDate.of(2023, 8, 1), doof.bouw()), VANDAAG), "10AA", OKTOBER)).isEmpty();
        assertThat(signalen(regels.beoordeel(leerling(LocalDate.of(2023, 8, 2), doof.bouw()), VANDAAG), "10AA", OKTOBER))
                .containsExactly("9 2026-08-17");
        assertThat(signalen(regels.beoordeel(leerling(LocalDate.of(2023, 8, 1), wec("10AA", "2026-08-01").bouw()), VANDAAG),
                "10AA", OKTOBER)).as("33 is from 4").containsExactly("9 2026-08-17");
    }

    // ---- ambulante begeleiding: 8, 10, 17, 25 ----

    /** AB of a pupil at a WPO school where the pupil is enrolled: counted as AB, in a soort the vestiging gives. */
    @Test
    void ambulanteBegeleidingTeltAlsAb() {
        List<Rij> rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01"), ambulant("10AA", "2026-10-01", "71WA"));
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.AB);
        assertThat(op(rijen, "10AA", OKTOBER).soortOnderwijs()).isEqualTo("33");
        assertThat(signalen(rijen, "10AA", OKTOBER)).isEmpty();
        assertThat(op(rijen, "71WA", OKTOBER).categorie()).as("the WPO school counts the pupil too").isEqualTo(Categorie.BEKOSTIGD);
    }

    /** AB counts from its ingangsdatum: a begeleiding from the day after the peildatum is a regular place that day. */
    @Test
    void ambulanteBegeleidingTeltVanafDeIngangsdatum() {
        List<Rij> rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01"), ambulant("10AA", "2026-08-01", "71WA")
                .zonderAb().ab("2026-10-02", "71WA"));
        // that day a regular place in soort 00, which no vestiging gives, competing with the WPO school
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.NIET_BEKOSTIGD);
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("19 2026-08-17", "4 2026-08-17 71WA");
        assertThat(op(rijen, "10AA", JANUARI).categorie()).isEqualTo(Categorie.AB);
    }

    /** 8: AB for a pupil at a WPO school that does not enrol the pupil on the peildatum. */
    @Test
    void ambulanteBegeleidingZonderInschrijvingBijDeWpoSchoolGeeftAcht() {
        List<Rij> rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01").uit("2026-12-31"), ambulant("10AA", "2026-10-01", "71WA"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).isEmpty();
        assertThat(signalen(rijen, "10AA", JANUARI)).containsExactly("8 2027-01-16");
        assertThat(op(rijen, "10AA", JANUARI).categorie()).isEqualTo(Categorie.AB_NIET);
        assertThat(signalen(beoordeel(sanne(), ambulant("10AA", "2026-10-01", "71WB")), "10AA", OKTOBER)).containsExactly("8 2026-10-01");
    }

    /** 17: a VGK institution may coach only pupils at a funded school (72PA is not funded). */
    @Test
    void eenVgkInstellingBijEenOnbekostigdeSchoolTeltNiet() {
        List<Rij> rijen = beoordeel(sanne(), wpo("72PA", "2026-08-01"), ambulant("71VA", "2026-10-01", "72PA"));
        assertThat(signalen(rijen, "71VA", OKTOBER)).containsExactly("17 2026-10-01");
        assertThat(op(rijen, "71VA", OKTOBER).categorie()).isEqualTo(Categorie.AB_NIET);
        assertThat(signalen(beoordeel(sanne(), wpo("71WA", "2026-08-01"), ambulant("71VA", "2026-10-01", "71WA")), "71VA", OKTOBER))
                .isEmpty();
        assertThat(signalen(beoordeel(sanne(), wpo("71XA", "2026-08-01"), ambulant("71VA", "2026-10-01", "71XA")), "71VA", OKTOBER))
                .as("a closed school").containsExactly("17 2026-10-01");
    }

    /** 10 for AB: the indication's REC must be known. */
    @Test
    void ambulanteBegeleidingMetEenOnbekendRecGeeftTien() {
        List<Rij> rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01"),
                ambulant("10AA", "2026-10-01", "71WA").zonderIndicatie().indicatie("2026-06-15", "33", "99XX"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("10 2026-10-01");
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.AB_NIET);
    }

    /** 25: the WEC vestiging may give no soort that fits the indication (03 gives 11 and 12, not 33). */
    @Test
    void eenWecSchoolDieNietBevoegdIsTeltNiet() {
        List<Rij> rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01"),
                ambulant("10AA", "2026-10-01", "71WA").groep("vestiging", "2026-10-01", "03"));
        assertThat(signalen(rijen, "10AA", OKTOBER)).containsExactly("25 2026-10-01");
        assertThat(op(rijen, "10AA", OKTOBER).categorie()).isEqualTo(Categorie.AB_NIET);

        rijen = beoordeel(sanne(), wpo("71WA", "2026-08-01"),
                ambulant("10AA", "2026-10-01", "71WA").zonderIndicatie().indicatie("2026-06-15", "40", "12RC"));
        assertThat(op(rijen, "10AA", OKTOBER).soortOnderwijs()).as("the first fitting soort of cluster 4").isEqualTo("41");
    }

    // ---- counting: cumi and leeftijdsgroep ----

    /** Cumi (NNCA 2) is marked only for a pupil that counts. */
    @Test
    void cumiAlleenVoorEenLeerlingDieTelt() {
        List<Rij> rijen = beoordeel(sanne(), wec("10AA", "2026-08-01").nnca("2").groep("indicatie_bekostiging", "2027-01-01", "N"));
        assertThat(op(rijen, "10AA", OKTOBER).cumi()).isTrue();
        assertThat(op(rijen, "10AA", JANUARI).cumi()).as("not counted: 12").isFalse();
        assertThat(op(beoordeel(sanne(), wec("10AA", "2026-08-01")), "10AA", OKTOBER).cumi()).as("NNCA 1").isFalse();
    }

    /** Handbook ch. 9 note 15: the age on 31 December of the school year: <8, 8-12, 13+. */
    @Test
    void deLeeftijdsgroepIsDeLeeftijdOpEenendertigDecember() {
        assertThat(groep(LocalDate.of(2019, 1, 1))).isEqualTo("<8");
        assertThat(groep(LocalDate.of(2018, 12, 31))).isEqualTo("8-12");
        assertThat(groep(LocalDate.of(2014, 1, 1))).isEqualTo("8-12");
        assertThat(groep(LocalDate.of(2013, 12, 31))).isEqualTo("13+");
    }

    // ---- helpers ----

    private static GtbRegels regels(int schooljarenTerug) {
        return new GtbRegels(INSTELLINGEN, peildata(schooljarenTerug));
    }

    /** The schedule as configured by default: the first school day the first Monday from 17 August. */
    private static Peildata peildata(int schooljarenTerug) {
        return new Peildata(new GtbEigenschappen(60_000, 0, 200, schooljarenTerug, 17, 28, 5,
                "config/gtb-signalen.yaml", new GtbEigenschappen.AbOpgaven("ab", 60_000, 1_000_000)));
    }

    private String groep(LocalDate geboren) {
        return op(regels.beoordeel(leerling(geboren, wec("10AA", "2026-08-01").bouw()), VANDAAG), "10AA", OKTOBER).leeftijdsgroep();
    }

    /**
     * The funding status judges one inschrijving on one school year: the same rows as the whole judgement gives for it,
     * signals and all (each dated on its own peildatum there), over three school years and two schools.
     */
    @Test
    void eenInschrijvingOpEenSchooljaarIsWatHetHeleOordeelErVoorZegt() {
        GtbRegels drieJaar = regels(2);
        Inschrijving wpo = wpo("71WA", "2024-08-01").bouw();
        Inschrijving wecBouw = wec("10AA", "2025-11-03").bouw();
        Leerling leerling = leerling(sanne(), wpo, wecBouw);
        List<Rij> alles = drieJaar.beoordeel(leerling, VANDAAG);
        int vergeleken = 0;
        for (Inschrijving i : List.of(wpo, wecBouw)) {
            for (int jaar = 2024; jaar <= 2026; jaar++) {
                int schooljaar = jaar;
                List<Rij> verwacht = alles.stream()
                        .filter(r -> r.inschrijvingId() == i.id() && Peildata.schooljaar(r.peildatum()) == schooljaar)
                        .map(r -> new Rij(r.peildatum(), r.inschrijvingId(), r.brin(), r.vestiging(), r.categorie(), r.soortOnderwijs(),
                                r.leeftijdsgroep(), r.cumi(), r.signalen().stream().map(x -> new GtbRegels.Signaal(x.code(), r.peildatum(),
                                        x.scholen())).toList()))
                        .toList();
                assertThat(drieJaar.beoordeel(leerling, i, INSTELLINGEN.zoek(i.brin()).orElseThrow(), jaar)).as(i.brin() + " " + jaar)
                        .isEqualTo(verwacht);
                vergeleken += verwacht.size();
            }
        }
        // the WPO school's 13 peildata a year for three years, the WEC school's from November 2025
        assertThat(vergeleken).isGreaterThan(39);
    }

    private List<Rij> beoordeel(LocalDate geboren, Bouwer... inschrijvingen) {
        List<Inschrijving> lijst = new ArrayList<>();
        for (Bouwer b : inschrijvingen) {
            lijst.add(b.bouw());
        }
        return regels.beoordeel(new Leerling(1L, "999993847", geboren, lijst, Set.of()), VANDAAG);
    }

    private static Leerling leerling(LocalDate geboren, Inschrijving... inschrijvingen) {
        return new Leerling(1L, "999993847", geboren, List.of(inschrijvingen), Set.of());
    }

    /** Sanne, born 14 March 2016 (10 on 31 December 2026). */
    private static LocalDate sanne() {
        return LocalDate.of(2016, 3, 14);
    }

    private static Rij op(List<Rij> rijen, String brin, LocalDate peildatum) {
        return rijen.stream().filter(r -> r.brin().equals(brin) && r.peildatum().equals(peildatum)).reduce((a, b) -> {
            throw new AssertionError("two rows for " + brin + " on " + peildatum);
        }).orElseThrow(() -> new AssertionError("no row for " + brin + " on " + peildatum));
    }

    /** The row's signals as "code ingang [scholen]", in the order the rules gave them. */
    private static List<String> signalen(List<Rij> rijen, String brin, LocalDate peildatum) {
        return op(rijen, brin, peildatum).signalen().stream()
                .map(s -> s.code() + " " + s.ingang() + (s.scholen() == null ? "" : " " + s.scholen())).toList();
    }

    private static List<Integer> codes(Rij r) {
        return r.signalen().stream().map(GtbRegels.Signaal::code).toList();
    }

    /** A regular WEC place from {@code datum}: vestiging 01, verblijf 0, soort 33, bekostiging J, a 33 indication of the REC. */
    private Bouwer wec(String brin, String datum) {
        return new Bouwer(brin, datum).nnca("1").groep("vestiging", datum, "01").groep("soort_verblijf", datum, "0")
                .groep("soort_onderwijs", datum, "33").groep("indicatie_bekostiging", datum, "J").indicatie("2026-06-15", "33", "12RC");
    }

    /** A WPO inschrijving: vestiging 01 only. */
    private Bouwer wpo(String brin, String datum) {
        return new Bouwer(brin, datum).groep("vestiging", datum, "01");
    }

    /** Ambulante begeleiding from {@code datum} of a pupil at {@code school}: soort 00, a 33 indication of the REC. */
    private Bouwer ambulant(String brin, String datum, String school) {
        return new Bouwer(brin, datum).nnca("0").groep("vestiging", datum, "01").groep("soort_verblijf", datum, "0")
                .groep("soort_onderwijs", datum, "00").groep("indicatie_bekostiging", datum, "J").indicatie("2026-06-15", "33", "12RC")
                .ab(datum, school);
    }

    /** One stored inschrijving of the pupil, as the GTB reads it; ids in the order the test builds them. */
    private final class Bouwer {
        private final long id = volgendeId++;
        private final String brin;
        private final LocalDate inschrijving;
        private LocalDate uitschrijving;
        private String teruggeplaatst;
        private String nnca;
        private final Map<String, NavigableMap<LocalDate, String>> groepen = new HashMap<>();
        private final List<Indicatie> indicaties = new ArrayList<>();
        private final List<Begeleiding> begeleiding = new ArrayList<>();

        Bouwer(String brin, String datum) {
            this.brin = brin;
            this.inschrijving = LocalDate.parse(datum);
        }

        Bouwer uit(String datum) {
            uitschrijving = LocalDate.parse(datum);
            return this;
        }

        Bouwer teruggeplaatst(String school) {
            teruggeplaatst = school;
            return this;
        }

        Bouwer nnca(String waarde) {
            nnca = waarde;
            return this;
        }

        /** The group's value from {@code ingang} (replacing one of the same day). */
        Bouwer groep(String naam, String ingang, String waarde) {
            groepen.computeIfAbsent(naam, n -> new TreeMap<>()).put(LocalDate.parse(ingang), waarde);
            return this;
        }

        Bouwer indicatie(String datum, String soort, String rec) {
            indicaties.add(new Indicatie(LocalDate.parse(datum), soort, rec));
            return this;
        }

        Bouwer zonderIndicatie() {
            indicaties.clear();
            return this;
        }

        Bouwer ab(String ingang, String school) {
            begeleiding.add(new Begeleiding(LocalDate.parse(ingang), school));
            return this;
        }

        Bouwer zonderAb() {
            begeleiding.clear();
            return this;
        }

        Inschrijving bouw() {
            Map<String, NavigableMap<LocalDate, String>> kopie = new HashMap<>();
            groepen.forEach((k, v) -> kopie.put(k, new TreeMap<>(v)));
            return new Inschrijving(id, brin, inschrijving, uitschrijving, teruggeplaatst, nnca, kopie, List.copyOf(indicaties),
                    List.copyOf(begeleiding));
        }
    }
}
