package nl.bronhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.SoortTerugkoppeling;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Afleverbak;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two watched directories (GBA change feed, AB lists) against hostile files (issue 16, items 3, 4
 * and 10): control characters, impossible dates, one person many times, files over the limits, wrong
 * names and schools, FIFOs, symbolic links, empty files, BOMs and other encodings. A refused file goes
 * to fout/ with its reason and changes nothing; the routes keep running. Its own hub, with small limits.
 */
class AfleverbestandenTest {

    static final int MAX_REGELS = 200;
    static final int GBA_MAX_BYTES = 20_000;
    static final int AB_MAX_BYTES = 4_000;
    static final Duration REGELEINDE_WACHTEN = Duration.ofSeconds(6);

    private static Hub hub;
    private static Afleverbak gba;
    private static Afleverbak ab;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void start() {
        Path data = Path.of("target/test-data", "bestanden-" + Berichten.uniekeLetters());
        Map<String, Object> p = Hub.testEigenschappen(data);
        p.put("bron.gba.stub.bestanden", Hub.GBA + ",src/test/resources/gba/personen-bestanden.yaml");
        p.put("bron.gba.mutaties.interval-ms", "100");
        p.put("bron.gtb.ab-opgaven.interval-ms", "100");
        p.put("bron.gba.mutaties.max-regels", String.valueOf(MAX_REGELS));
        p.put("bron.gba.mutaties.max-bytes", String.valueOf(GBA_MAX_BYTES));
        p.put("bron.gtb.ab-opgaven.max-bytes", String.valueOf(AB_MAX_BYTES));
        p.put("bron.afleverbestanden.regeleinde-wachten", REGELEINDE_WACHTEN.toSeconds() + "s");
        hub = Hub.start(p);
        // after the start: Spring Boot's logging set-up replaces the appenders an earlier attach added
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
        gba = new Afleverbak(data.toAbsolutePath().resolve("gba-mutaties"));
        ab = new Afleverbak(data.toAbsolutePath().resolve("ab-opgaven"));
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        if (hub != null) {
            hub.close();
        }
    }

    // --- item 3: what a GBA line carries is checked before anything is applied

    @Test
    void eenNaamMetStuurtekensWordtGeweigerdEnNietsToegepast() {
        schrijfIn("70AA", leerling("999992004", "2015-01-21", "V", "Kadewijk", "2011AA"));

        for (String naam : List.of("Jan\u0000", "Jan\u001b[31m", "Ja\u0085n", "Jan\u007f", "Jan\ufffe", "Jan\u202e", "Jan\tJanssen")) {
            Path fout = refuse(gba, "bsn;woonplaats;achternaam\n999992004;Haarlem;" + naam + "\n");
            assertThat(reden(fout)).contains("regel 2").contains("achternaam").contains("stuurteken");
        }
        assertThat(hub.jdbc().queryForObject("select achternaam from persoon where pgn = '999992004'", String.class)).isEqualTo("Kadewijk");
        assertThat(spontaneMutaties("70AA")).isEmpty();
        assertThat(logregels()).noneMatch(r -> r.contains("999992004") || r.contains("Kadewijk") || r.contains("Jan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "2026-11-03", "9999-12-31", "2015-02-31", "2015-13-01", "+2015-01-01", "2015-1-1"})
    void eenOnmogelijkeGeboortedatumWordtGeweigerd(String datum) {
        Path fout = refuse(gba, "bsn;geboortedatum\n999992053;" + datum + "\n");
        assertThat(reden(fout)).contains("regel 2: geboortedatum");
        assertThat(hub.jdbc().queryForObject("select count(*) from gba_mutatiebestand", Integer.class)).isZero();
    }

    @Test
    void teLangeVeldenEnEenFouteBsnWordenGeweigerd() {
        String lang = "a".repeat(201);
        assertThat(reden(refuse(gba, "bsn;achternaam\n999992004;" + lang + "\n"))).contains("regel 2: achternaam");
        assertThat(reden(refuse(gba, "bsn;voorvoegsel\n999992004;" + "van ".repeat(6) + "\n"))).contains("regel 2: voorvoegsel");
        assertThat(reden(refuse(gba, "bsn;huisnummertoevoeging\n999992004;" + "b".repeat(21) + "\n"))).contains("regel 2: huisnummertoevoeging");
        assertThat(reden(refuse(gba, "bsn;postcode\n999992004;0123AB\n"))).contains("regel 2: postcode");
        assertThat(reden(refuse(gba, "bsn;woonplaats\n999992005;Haarlem\n"))).contains("regel 2: bsn");
        assertThat(reden(refuse(gba, "bsn;woonplaats\n99999200400;Haarlem\n"))).contains("regel 2: bsn");
        assertThat(reden(refuse(gba, "bsn;woonplaats\n999992004;Haarlem;extra\n"))).contains("regel 2");
    }

    @Test
    void eenKopregelVanGegevensWordtNietTerugGegeven() {
        // an operator forgets the header: the first line's values must not travel into the reason or the log
        Path fout = refuse(gba, "999992004;Kadewijk\n");
        assertThat(reden(fout)).doesNotContain("999992004").doesNotContain("Kadewijk").contains("regel 1");
        assertThat(logregels()).noneMatch(r -> r.contains("999992004") || r.contains("Kadewijk"));
    }

    // --- item 4: a file changes each person at most once, only a real change queues a spontane mutatie, and a limit

    @Test
    void eenBsnTweemaalInEenBestandWordtGeweigerd() {
        schrijfIn("70AB", leerling("999992016", "2015-02-22", "M", "Veelregel", "2012BB"));
        StringBuilder inhoud = new StringBuilder("bsn;woonplaats\n");
        for (int i = 0; i < 150; i++) {
            inhoud.append("999992016;").append(i % 2 == 0 ? "Haarlem" : "Leiden").append('\n');
        }
        assertThat(reden(refuse(gba, inhoud.toString()))).contains("regel 3: bsn staat ook op regel 2");
        assertThat(spontaneMutaties("70AB")).isEmpty();
        assertThat(hub.jdbc().queryForObject("select woonplaats from persoon where pgn = '999992016'", String.class)).isEqualTo("Haarlem");
    }

    @Test
    void alleenEenEchteWijzigingGeeftEenSpontaneMutatie() {
        schrijfIn("70AC", leerling("999992028", "2015-03-23", "V", "Stilstaand", "2013CC"));

        // what the register already holds: applied, but nothing to tell the school
        accept(gba, "bsn;geboortedatum;achternaam;straatnaam;huisnummer;postcode;woonplaats\n"
                + "999992028;2015-03-23;Stilstaand;Rustweg;3;2013CC;Zandvoort\n");
        assertThat(spontaneMutaties("70AC")).isEmpty();

        accept(gba, "bsn;woonplaats\n999992028;Bloemendaal\n");
        assertThat(spontaneMutaties("70AC")).hasSize(1);
        accept(gba, "bsn;woonplaats;postcode\n999992028;Bloemendaal;2013CC\n");
        assertThat(spontaneMutaties("70AC")).as("the same move again is no change").hasSize(1);
    }

    @Test
    void eenBestandBovenDeGrenzenWordtGeheelGeweigerd() {
        List<String> bsns = bsns(MAX_REGELS + 1);
        String teVeel = "bsn;woonplaats\n" + String.join(";Elders\n", bsns) + ";Elders\n";
        assertThat(teVeel.length()).isLessThan(GBA_MAX_BYTES);
        assertThat(reden(refuse(gba, teVeel))).contains("meer dan " + MAX_REGELS + " regels");

        String precies = "bsn;woonplaats\n" + String.join(";Elders\n", bsns.subList(0, MAX_REGELS)) + ";Elders\n";
        accept(gba, precies);

        String groot = "bsn;woonplaats\n" + ("999992004;" + "Haarlem".repeat(30) + "\n").repeat(100);
        assertThat(groot.length()).isGreaterThan(GBA_MAX_BYTES);
        assertThat(reden(refuse(gba, groot))).contains("groter dan " + GBA_MAX_BYTES + " bytes");
    }

    // --- item 10: the AB directory (and the GBA directory where it applies)

    @Test
    void eenAbLijstMetEenFouteNaamSchoolOfWecWordtGeweigerd() {
        String regel = "pgn;brinWec;ingangsdatum\n999990482;70DN;2026-10-01\n";
        assertThat(reden(refuse(ab, "72wa.csv", regel))).contains("bestandsnaam").contains("hoofdletters");
        assertThat(reden(refuse(ab, "72WA.CSV", regel))).contains("bestandsnaam");
        assertThat(reden(refuse(ab, "99ZZ.csv", regel))).contains("bestandsnaam").contains("BRIN-register");
        assertThat(reden(refuse(ab, "71XA.csv", regel))).contains("bestandsnaam").contains("opgeheven");
        assertThat(reden(refuse(ab, "71VO.csv", regel))).contains("bestandsnaam").contains("WPO");
        assertThat(abOpgave("72WA")).isZero();

        for (String wec : List.of("99ZZ", "71VO", "72WB", "71XA")) {
            assertThat(reden(refuse(ab, "72WA.csv", "pgn;brinWec;ingangsdatum\n999990482;70DN;2026-10-01\n999990482;" + wec + ";\n")))
                    .contains("regel 3: brinWec");
        }
        assertThat(reden(refuse(ab, "72WA.csv", "999990482;70DN;0000-01-01\n"))).contains("regel 1: ingangsdatum");
        assertThat(reden(refuse(ab, "72WA.csv", "999990482;70DN;2026-02-30\n"))).contains("regel 1: ingangsdatum");
        assertThat(reden(refuse(ab, "72WA.csv", "999990483;70DN;\n"))).contains("regel 1: pgn");
        assertThat(reden(refuse(ab, "72WA.csv", "999990482;70DN;\n999990482;70DN;2026-10-01\n"))).contains("regel 2").contains("regel 1");
        assertThat(reden(refuse(ab, "72WA.csv", "999990482;70DN\u0000;\n"))).contains("regel 1").contains("brinWec").contains("stuurteken");
        assertThat(abOpgave("72WA")).isZero();

        // a VGK institution coaches too
        accept(ab, "72WA.csv", "pgn;brinWec;ingangsdatum\n999990482;70DN;2026-10-01\n999990482;71VA;\n");
        assertThat(abOpgave("72WA")).isEqualTo(2);
    }

    @Test
    void eenTeGrootBestandWordtNietGelezen() {
        accept(ab, "72WB.csv", "999990482;70DN;2026-10-01\n");
        String groot = "999990482;70DN;2026-10-01\n".repeat(AB_MAX_BYTES / 20);
        assertThat(reden(refuse(ab, "72WB.csv", groot))).contains("groter dan " + AB_MAX_BYTES + " bytes");
        assertThat(abOpgave("72WB")).isEqualTo(1);
    }

    @Test
    void eenFifoOfKoppelingWordtOpzijGezetZonderDeRouteTeBlokkeren() throws Exception {
        for (Afleverbak bak : List.of(ab, gba)) {
            String naam = bak == ab ? "72WC.csv" : "gba-" + Berichten.uniekeLetters() + ".csv";
            Files.createDirectories(bak.map());
            Process mkfifo = new ProcessBuilder("mkfifo", bak.map().resolve(naam).toString()).start();
            assertThat(mkfifo.waitFor()).isZero();
            assertThat(reden(bak.wachtTotVerplaatst(naam, "fout"))).contains("geen gewoon bestand");

            // a link to a file outside the directory: not followed, not applied
            Path buiten = Files.writeString(bak.map().resolveSibling("buiten-" + Berichten.uniekeLetters() + ".csv"),
                    bak == ab ? "999990482;70DN;2026-10-01\n" : "bsn;woonplaats\n999992004;Buitenlinks\n");
            String link = bak == ab ? "72WC.csv" : "gba-" + Berichten.uniekeLetters() + ".csv";
            Files.createSymbolicLink(bak.map().resolve(link), buiten.toAbsolutePath());
            assertThat(reden(bak.wachtTotVerplaatst(link, "fout"))).contains("geen gewoon bestand");
            assertThat(Files.readString(buiten)).as("the file the link pointed at is untouched").contains("999");

            // a hard link to a file outside (a hostile operator linked a 600 secret in: it was read, and the clean-up made
            // the secret 640): moved aside unread, and its mode left as it is
            Path geheim = Files.writeString(bak.map().resolveSibling("geheim-" + Berichten.uniekeLetters() + ".csv"),
                    bak == ab ? "999990482;70DN;2026-10-01\n" : "bsn;woonplaats\n999992004;Hardlinks\n");
            Files.setPosixFilePermissions(geheim, PosixFilePermissions.fromString("rw-------"));
            String hard = bak == ab ? "72WC.csv" : "gba-" + Berichten.uniekeLetters() + ".csv";
            // (72WC.csv is in fout/ twice already, the FIFO and the link: gone, so that the one found is this one)
            bak.vergeet(hard);
            Files.createLink(bak.map().resolve(hard), geheim);
            assertThat(reden(bak.wachtTotVerplaatst(hard, "fout"))).contains("harde koppeling");
            assertThat(Files.getPosixFilePermissions(geheim)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(hub.jdbc().queryForObject("select count(*) from persoon where woonplaats = 'Hardlinks'", Integer.class)).isZero();
        assertThat(abOpgave("72WC")).isZero();
        assertThat(hub.jdbc().queryForObject("select count(*) from persoon where woonplaats = 'Buitenlinks'", Integer.class)).isZero();

        // both routes still run, and health is UP
        accept(ab, "72WC.csv", "999990482;70DN;2026-10-01\n");
        assertThat(abOpgave("72WC")).isEqualTo(1);
        accept(gba, "bsn;woonplaats\n999992041;Overveen\n");
        assertThat(hub.operator().actuator("/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void legeBestandenEnPuntbestanden() throws IOException {
        accept(ab, "72WD.csv", "999990482;70DN;2026-10-01\n");
        // 0 bytes: an upload that did not finish; refused, the list stays
        assertThat(reden(refuse(ab, "72WD.csv", ""))).contains("leeg");
        assertThat(reden(refuse(gba, ""))).contains("leeg");
        assertThat(abOpgave("72WD")).isEqualTo(1);
        // only the header: the school has no AB pupils
        accept(ab, "72WD.csv", "pgn;brinWec;ingangsdatum\n");
        assertThat(abOpgave("72WD")).isZero();

        // a dot-file is an upload in progress (rsync, scp): left alone, never read
        Files.writeString(ab.map().resolve(".72WD.csv"), "999990482;70DN;2026-10-01\n");
        accept(ab, "72WD.csv", "pgn;brinWec;ingangsdatum\n");
        assertThat(ab.map().resolve(".72WD.csv")).exists();
        assertThat(abOpgave("72WD")).isZero();
    }

    @Test
    void eenBomWordtGeaccepteerdEenAndereCoderingGeweigerd() {
        accept(ab, "72PA.csv", "\ufeffpgn;brinWec;ingangsdatum\n999990482;70DN;2026-10-01\n");
        assertThat(abOpgave("72PA")).isEqualTo(1);
        accept(gba, "\ufeffbsn;woonplaats\n999992041;Aerdenhout\n");

        byte[] latin1 = "bsn;woonplaats\n999992041;Bergen op Zo\u00e9m\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reden(refuse(gba, latin1))).contains("UTF-8");
        byte[] utf16 = "pgn;brinWec;ingangsdatum\n999990482;70DN;\n".getBytes(StandardCharsets.UTF_16);
        assertThat(reden(refuse(ab, "72PA.csv", utf16))).contains("UTF-8");
        byte[] utf16le = "pgn;brinWec;ingangsdatum\n999990482;70DN;\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(reden(refuse(ab, "72PA.csv", utf16le))).contains("UTF-8");
        assertThat(abOpgave("72PA")).isEqualTo(1);
    }

    // --- a copy that pauses, and names the hub cannot move

    @Test
    void eenBestandDatNogBinnenkomtWordtPasGelezenAlsHetHeelIs() throws IOException {
        schrijfIn("70AD", leerling("999992053", "2015-05-25", "V", "Rommelbestand", "2015EE"));
        String naam = "gba-" + Berichten.uniekeLetters() + ".csv";
        Path bestand = gba.map().resolve(naam);
        // a copy that stops in the middle of a line, for longer than the read lock's second
        Files.writeString(bestand, "bsn;straatnaam;woonplaats\n999992053;Lange Voorh");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(bestand));
        Files.writeString(bestand, "out;Haarlem\n", StandardOpenOption.APPEND);

        gba.wachtTotVerplaatst(naam, "verwerkt");
        assertThat(hub.jdbc().queryForObject("select straatnaam from persoon where pgn = '999992053'", String.class)).isEqualTo("Lange Voorhout");
        assertThat(spontaneMutaties("70AD")).hasSize(1);
        assertThat(logregels()).filteredOn(r -> r.contains(naam) && r.contains("waits")).hasSize(1);
    }

    @Test
    void eenBestandZonderRegeleindeNaDeLaatsteRegelWordtNaHetWachtenGelezen() {
        String naam = "72WE.csv";
        vergeet(ab, naam);
        leg(ab, naam, "pgn;brinWec;ingangsdatum\n999990482;70DN;2026-10-01".getBytes(StandardCharsets.UTF_8));
        // not taken while it may still be arriving; then read as it is
        await().during(Duration.ofSeconds(3)).atMost(REGELEINDE_WACHTEN).until(() -> Files.exists(ab.map().resolve(naam)));
        ab.wachtTotVerplaatst(naam, "verwerkt");
        assertThat(abOpgave("72WE")).isEqualTo(1);
    }

    /** A directory named .csv in a watched directory: left as it is, with what is in it, and one WARN line. */
    @Test
    void eenMapMetCsvInDeNaamWordtGemeldEnNietGelezen() throws IOException {
        String naam = "map-" + Berichten.uniekeLetters() + ".csv";
        Path map = Files.createDirectories(gba.map().resolve(naam));
        Files.writeString(map.resolve("binnen.csv"), "bsn;woonplaats\n999992041;Indemap\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> logregels().stream().anyMatch(r -> r.contains(naam)));
        accept(gba, "bsn;woonplaats\n999992041;Overveen\n");
        accept(gba, "bsn;woonplaats\n999992041;Overveen\n");
        // several polls later: still one line, the directory and its file where they were, nothing of it applied
        assertThat(logregels().stream().filter(r -> r.contains(naam)))
                .singleElement().asString().startsWith("Directory " + naam + " in ").contains("is not read (only files are)");
        assertThat(map.resolve("binnen.csv")).exists();
        assertThat(hub.jdbc().queryForObject("select count(*) from persoon where woonplaats = 'Indemap'", Integer.class)).isZero();
    }

    @Test
    void eenNaamDieNietVerplaatstKanWordenGaatOngelezenNaarFout() throws IOException {
        // 248 bytes: verwerkt/ or fout/ would put the time before it and go past the 255 bytes of a name
        String lang = "gba-" + "x".repeat(240) + ".csv";
        Files.createDirectories(gba.map());
        Files.writeString(gba.map().resolve(lang), "bsn;woonplaats\n999992053;Langenaam\n");
        Path fout = await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var bestanden = Files.list(gba.map().resolve("fout"))) {
                return bestanden.filter(f -> f.getFileName().toString().contains("naam-te-lang-") && f.toString().endsWith(".csv"))
                        .findFirst().orElse(null);
            } catch (IOException nogNiet) {
                return null;
            }
        }, f -> f != null);
        assertThat(fout.getFileName().toString()).matches("\\d{8}-\\d{6}-\\d{3}-naam-te-lang-[0-9a-f]{8}\\.csv");
        assertThat(reden(fout)).contains("langer dan 200 bytes");
        assertThat(gba.map().resolve(lang)).doesNotExist();

        String metRegeleinde = "gba-" + Berichten.uniekeLetters() + "\nregel.csv";
        Files.writeString(gba.map().resolve(metRegeleinde), "bsn;woonplaats\n999992053;Tweeregels\n");
        Path fout2 = gba.wachtTotVerplaatst(metRegeleinde.replace('\n', '_'), "fout");
        assertThat(reden(fout2)).contains("stuurteken");
        assertThat(hub.jdbc().queryForObject("select count(*) from persoon where woonplaats in ('Langenaam', 'Tweeregels')", Integer.class)).isZero();
        assertThat(logregels()).noneMatch(r -> r.contains("\n"));
    }

    @Test
    void eenTweedeWeigeringVanDezelfdeNaamLaatDeEersteStaan() throws IOException {
        Path eerste = refuse(ab, "72WF.csv", "pgn;brinWec;ingangsdatum\n999990482;70DN;1-10-2026\n");
        leg(ab, "72WF.csv", "pgn;brinWec;ingangsdatum\n999990482;99ZZ;2026-10-01\n".getBytes(StandardCharsets.UTF_8));
        Path tweede = await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var bestanden = Files.list(ab.map().resolve("fout"))) {
                return bestanden.filter(f -> f.getFileName().toString().endsWith("-72WF.csv") && !f.equals(eerste)).findFirst().orElse(null);
            } catch (IOException nogNiet) {
                return null;
            }
        }, f -> f != null);
        assertThat(reden(eerste)).contains("regel 2: ingangsdatum");
        assertThat(reden(tweede)).contains("regel 2: brinWec");
        assertThat(Files.readString(eerste)).contains("1-10-2026");
        assertThat(Files.getPosixFilePermissions(Afleverbak.reden(tweede))).doesNotContain(PosixFilePermission.OTHERS_READ);
    }

    @Test
    void eenLegeRegelAanHetEindeEnEenHuisnummerNul() {
        schrijfIn("70AE", leerling("999992065", "2015-06-26", "M", "Stuurteken", "2016FF"));
        // an editor's empty line at the end is no record; one in the middle is a line to refuse
        accept(gba, "bsn;woonplaats\n999992065;Velserbroek\n\n");
        accept(gba, "bsn;woonplaats\r\n999992065;IJmuiden\r\n\r\n");
        assertThat(hub.jdbc().queryForObject("select woonplaats from persoon where pgn = '999992065'", String.class)).isEqualTo("IJmuiden");
        assertThat(reden(refuse(gba, "bsn;woonplaats\n\n999992065;Santpoort\n"))).contains("regel 2");
        assertThat(reden(refuse(gba, "bsn;huisnummer\n999992065;0\n"))).contains("regel 2: huisnummer");
        assertThat(hub.jdbc().queryForObject("select huisnummer from persoon where pgn = '999992065'", String.class)).isNotEqualTo("0");

        // a BSN an operator put in the file's name does not reach the log
        accept(gba, "999992065-verhuizing.csv", "bsn;woonplaats\n999992065;Driehuis\n");
        assertThat(logregels()).anyMatch(r -> r.contains("-verhuizing.csv")).noneMatch(r -> r.contains("999992065"));
        // nor a birth date (a hostile look named a file after a pupil, with the date)
        accept(gba, "verhuizing 14-03-2016 20160314.csv", "bsn;woonplaats\n999992065;Velsen\n");
        assertThat(logregels()).anyMatch(r -> r.contains("verhuizing * *.csv")).noneMatch(r -> r.contains("2016"));
    }

    @Test
    void eenNaamAlsFormuleOfZonderLetterWordtGeweigerd() {
        for (String naam : List.of("=HYPERLINK(\"http://x\")", "+31", "@SUM(A1)", "1234")) {
            assertThat(reden(refuse(gba, "bsn;achternaam\n999992004;" + naam + "\n"))).contains("regel 2: achternaam");
        }
        assertThat(reden(refuse(gba, "bsn;straatnaam\n999992004;=1+1\n"))).contains("regel 2: straatnaam begint met =, +, -, @ of |");
        assertThat(reden(refuse(gba, "bsn;straatnaam\n999992004;-2+3+cmd\n"))).contains("regel 2: straatnaam begint met =, +, -, @ of |");
        assertThat(reden(refuse(gba, "bsn;achternaam\n999992004;Jan\u3164\n"))).contains("regel 2: achternaam").contains("U+3164");
        // what the LAS door refuses (742) is not sent to the LASes from the feed either (a hostile look, 7 December): a minus
        // sign or a pipe first, a letter of the mathematical alphabets, a name that starts with a combining mark
        assertThat(reden(refuse(gba, "bsn;achternaam\n999992004;\u2212cmd\n"))).contains("regel 2: achternaam begint met");
        assertThat(reden(refuse(gba, "bsn;straatnaam\n999992004;|cmd\n"))).contains("regel 2: straatnaam begint met");
        assertThat(reden(refuse(gba, "bsn;voornamen\n999992004;S\uD835\uDC00nne\n"))).contains("regel 2: voornamen heeft te veel tekens");
        assertThat(reden(refuse(gba, "bsn;achternaam\n999992004;\u0301Jan\n"))).contains("regel 2: achternaam is geen naam");
        assertThat(hub.jdbc().queryForObject("select count(*) from persoon where achternaam like '%=%' or achternaam like '+%' "
                + "or achternaam like '@%' or achternaam = '1234' or straatnaam like '=%'", Integer.class)).isZero();
    }

    // --- helpers

    private static void schrijfIn(String brin, Persoon leerling) {
        LasClient las = hub.las(brin, "1");
        Bericht bericht = inschrijven(leerling, wec("2026-08-01"));
        assertThat(las.aanleveren(bericht).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
        assertThat(HubTest.terugkoppelingVan(las, bericht.getIdentificatie()).getSignaal()).isEmpty();
    }

    private static List<Terugkoppeling> spontaneMutaties(String brin) {
        return HubTest.alle(hub.las(brin, "1")).stream().filter(t -> t.getSoort() == SoortTerugkoppeling.SPONTANE_MUTATIE).toList();
    }

    private static int abOpgave(String brin) {
        return hub.jdbc().queryForObject("select count(*) from ab_opgave where brin_school = ?", Integer.class, brin);
    }

    private static List<String> logregels() {
        synchronized (LOG.list) {
            return LOG.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Nine-digit numbers that pass the elfproef, none of them a person of the register. */
    static List<String> bsns(int aantal) {
        List<String> uit = new ArrayList<>();
        for (int n = 888_000_000; uit.size() < aantal; n++) {
            String s = Integer.toString(n);
            if (Pgn.isGeldigBsn(s)) {
                uit.add(s);
            }
        }
        return uit;
    }

    static Path refuse(Afleverbak bak, String inhoud) {
        return refuse(bak, "gba-" + Berichten.uniekeLetters() + ".csv", inhoud.getBytes(StandardCharsets.UTF_8));
    }

    static Path refuse(Afleverbak bak, byte[] inhoud) {
        return refuse(bak, "gba-" + Berichten.uniekeLetters() + ".csv", inhoud);
    }

    static Path refuse(Afleverbak bak, String naam, String inhoud) {
        return refuse(bak, naam, inhoud.getBytes(StandardCharsets.UTF_8));
    }

    static Path refuse(Afleverbak bak, String naam, byte[] inhoud) {
        vergeet(bak, naam);
        leg(bak, naam, inhoud);
        return bak.wachtTotVerplaatst(naam, "fout");
    }

    static void accept(Afleverbak bak, String inhoud) {
        accept(bak, "gba-" + Berichten.uniekeLetters() + ".csv", inhoud);
    }

    static void accept(Afleverbak bak, String naam, String inhoud) {
        vergeet(bak, naam);
        leg(bak, naam, inhoud.getBytes(StandardCharsets.UTF_8));
        Path p = bak.wachtTotVerplaatst(naam, "verwerkt");
        assertThat(p).exists();
    }

    /** The name's earlier reason and moved files out of the way, so a wait sees this drop's outcome. */
    private static void vergeet(Afleverbak bak, String naam) {
        try {
            Files.createDirectories(bak.map().resolve("fout"));
            Files.createDirectories(bak.map().resolve("verwerkt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bak.vergeet(naam);
    }

    /** As an operator drops it: written beside the directory, then moved in whole (bytes, for other encodings). */
    static void leg(Afleverbak bak, String naam, byte[] inhoud) {
        try {
            Files.createDirectories(bak.map());
            Path tijdelijk = Files.write(bak.map().resolveSibling(naam + ".tmp"), inhoud);
            Files.move(tijdelijk, bak.map().resolve(naam), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reden(Path fout) {
        Path reden = fout.resolveSibling(fout.getFileName() + ".reden.txt");
        return await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(reden) ? Files.readString(reden) : null, r -> r != null);
    }
}
