package nl.bronhub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline wiring is read from routes/*.camel.yaml on the file system: an operator edits a file,
 * restarts, and the hub behaves differently without a rebuild.
 */
class RoutesAanpassenTest {

    @TempDir
    Path data;

    @TempDir
    Path routes;

    private Map<String, Object> eigenschappen;

    @BeforeEach
    void kopieerDeRoutes() throws IOException {
        try (Stream<Path> bestanden = Files.list(Path.of("routes"))) {
            for (Path bestand : bestanden.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(bestand, routes.resolve(bestand.getFileName()));
            }
        }
        eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("camel.main.routes-include-pattern", "file:" + routes.toAbsolutePath() + "/*.camel.yaml");
    }

    @Test
    void eenRegelUitDeInhoudelijkeControleHalenVerandertHetGedrag() throws IOException {
        try (Hub hub = Hub.start(eigenschappen)) {
            assertThat(codes(verwerk(hub.las("50AA", "1"), twintigJarige()))).contains("334");
        }

        Path controle = routes.resolve("40-inhoudelijke-controle.camel.yaml");
        String zonderLeeftijd = Files.readString(controle).replace("""
                        - bean:
                            ref: leeftijdRegels
                            method: controleerAlle
                """, "");
        assertThat(zonderLeeftijd).doesNotContain("leeftijdRegels");
        Files.writeString(controle, zonderLeeftijd);

        try (Hub hub = Hub.start(eigenschappen)) {
            assertThat(codes(verwerk(hub.las("50AA", "1"), twintigJarige()))).doesNotContain("334").contains("757");
        }
    }

    @Test
    void eenBerichtDatBlijftMislukkenWachtOpDeOperatorEnVerworpenKrijgtDeLas358() throws IOException {
        storingInHetRegisterAls("true");
        var logregels = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logregels.start();
        var hubLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("nl.bronhub");

        try (Hub hub = Hub.start(eigenschappen)) {
            // after the start, which configures logging afresh
            hubLog.addAppender(logregels);
            LasClient las = hub.las("50AB", "1");
            Bericht bericht = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
            las.aanleveren(bericht);

            // parked after its attempts, and the LAS is told nothing yet: 358 would mean 'send again'
            Map<String, Object> rij = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hub.jdbc()
                    .queryForMap("select status, pogingen, laatste_fout from bericht where identificatie = ?", bericht.getIdentificatie()),
                    r -> "GEPARKEERD".equals(r.get("status")));
            assertThat(rij.get("pogingen")).isEqualTo(2);
            assertThat(rij.get("laatste_fout")).isEqualTo(IllegalStateException.class.getName());
            assertThat(HubTest.alle(las)).isEmpty();

            var geparkeerd = hub.operator().get("/geparkeerd").json().get(0);
            long id = geparkeerd.get("id").asLong();
            assertThat(hub.operator().post("/geparkeerd/" + id + "/verwerpen").status()).isEqualTo(200);

            // every line the hub logged about this bericht carries its correlation id
            String berichtId = geparkeerd.get("berichtId").asText();
            var overDitBericht = logregels.list.stream().filter(e -> e.getFormattedMessage().contains("ericht " + berichtId + " ")).toList();
            assertThat(overDitBericht).extracting(e -> e.getFormattedMessage().replaceAll(" \\(.*", ""))
                    .contains("Bericht " + berichtId + " failed", "Bericht " + berichtId + " parked after 2 attempts",
                            "Parked bericht " + berichtId + " handled by the operator: VERWORPEN");
            assertThat(overDitBericht).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("bericht", berichtId));

            Terugkoppeling t = HubTest.terugkoppelingVan(las, bericht.getIdentificatie());
            assertThat(t.getResultaat()).isEqualTo(Verwerkingsresultaat.AFGEKEURD);
            assertThat(t.getSignaal()).singleElement().satisfies(s -> {
                assertThat(s.getCode()).isEqualTo("358");
                assertThat(s.getOmschrijving()).isEqualTo("Er is een technische fout opgetreden bij DUO.");
            });
            assertThat(hub.jdbc().queryForObject("select count(*) from inschrijving where brin = '50AB'", Integer.class)).isZero();
            assertThat(HubTest.alle(las)).hasSize(1);
        } finally {
            hubLog.detachAppender(logregels);
        }
    }

    @Test
    void eenBerichtDatMisluktHoudtDeAnderenUitZijnTransactieNietTegen() throws IOException {
        // pupils without a number, born on different days, share a reeks: the one that fails is pinned on itself
        List<Bericht> berichten = Stream.of("2016-01-01", "2016-01-02", "2016-01-03", "2016-01-04", "2016-01-05")
                .map(d -> inschrijven(zonderPgn(d), wec("2026-08-01"))).toList();
        storingInHetRegisterAls("${body.bevat('" + berichten.get(2).getIdentificatie() + "')}");

        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient las = hub.las("50AB", "1");

            las.aanleveren(berichten.toArray(Bericht[]::new));

            List<Terugkoppeling> ontvangen = HubTest.alleVan(las, berichten.size() - 1);
            // arrival order kept for the others; the failed one waits, parked, for an operator
            List<Bericht> anderen = new ArrayList<>(berichten);
            anderen.remove(2);
            assertThat(ontvangen).extracting(Terugkoppeling::getBerichtIdentificatie)
                    .containsExactlyElementsOf(anderen.stream().map(Bericht::getIdentificatie).toList());
            assertThat(ontvangen).extracting(Terugkoppeling::getResultaat).containsOnly(Verwerkingsresultaat.GEREGISTREERD);
            assertThat(hub.jdbc().queryForObject("select count(*) from inschrijving where brin = '50AB'", Integer.class)).isEqualTo(4);
            assertThat(hub.jdbc().queryForList("select status from bericht order by id", String.class))
                    .containsExactly("VERWERKT", "VERWERKT", "GEPARKEERD", "VERWERKT", "VERWERKT");
        }
    }

    /**
     * Pupils the register knows by number go together in one reeks (one transaction); when the reeks fails it is
     * rolled back whole and its berichten go again one per transaction, so only the failing one is retried and
     * parked, and the others are registered in arrival order.
     */
    @Test
    void eenBerichtDatMisluktMiddenInEenReeksWordtAlleenGeparkeerd() throws IOException {
        List<Persoon> leerlingen = Stream.of("2016-02-01", "2016-02-02", "2016-02-03",
                "2016-02-04", "2016-02-05").map(d -> zonderPgn(d)).toList();
        List<Bericht> berichten = leerlingen.stream().map(l -> inschrijven(l, wec("2026-08-01"))).toList();
        storingInHetRegisterAls("${body.bevat('" + berichten.get(2).getIdentificatie() + "')}");

        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient las = hub.las("50AB", "1");
            // first the pupils get their onderwijsnummers (an aanmelding each, without a number)
            List<Bericht> aanmeldingen = leerlingen.stream().map(Berichten::aanmelden).toList();
            las.aanleveren(aanmeldingen.toArray(Bericht[]::new));
            for (int i = 0; i < leerlingen.size(); i++) {
                leerlingen.get(i).setOnderwijsnummer(HubTest.terugkoppelingVan(las, aanmeldingen.get(i).getIdentificatie())
                        .getLeerling().getOnderwijsnummer());
            }
            assertThat(leerlingen).extracting(Persoon::getOnderwijsnummer).doesNotContainNull().doesNotHaveDuplicates();

            las.aanleveren(berichten.toArray(Bericht[]::new));

            List<Bericht> anderen = new ArrayList<>(berichten);
            anderen.remove(2);
            List<String> verwacht = anderen.stream().map(Bericht::getIdentificatie).toList();
            List<Terugkoppeling> ontvangen = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> HubTest.alle(las).stream().filter(t -> verwacht.contains(t.getBerichtIdentificatie())).toList(),
                            l -> l.size() == verwacht.size());
            assertThat(ontvangen).extracting(Terugkoppeling::getBerichtIdentificatie).containsExactlyElementsOf(verwacht);
            assertThat(ontvangen).extracting(Terugkoppeling::getResultaat).containsOnly(Verwerkingsresultaat.GEREGISTREERD);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hub.jdbc().queryForObject(
                    "select status from bericht where identificatie = ?", String.class, berichten.get(2).getIdentificatie()),
                    "GEPARKEERD"::equals);
            assertThat(hub.jdbc().queryForObject("select pogingen from bericht where identificatie = ?", Integer.class,
                    berichten.get(0).getIdentificatie())).isZero();
            assertThat(hub.jdbc().queryForObject("select count(*) from inschrijving where brin = '50AB'", Integer.class)).isEqualTo(4);
            assertThat(HubTest.alle(las).stream().filter(t -> berichten.get(2).getIdentificatie().equals(t.getBerichtIdentificatie())))
                    .isEmpty();
        }
    }

    @Test
    void eenGeparkeerdBerichtWordtOpnieuwAangebodenOfVerworpen() throws IOException {
        // an outage the operator can end: the register fails while this system property says so
        storingInHetRegisterAls("${sys.bron.test.storing} == 'aan'");
        System.setProperty("bron.test.storing", "aan");
        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient las = hub.las("50AB", "1");
            Bericht herstelbaar = inschrijven(zonderPgn("2016-01-01"), wec("2026-08-01"));
            Bericht verloren = inschrijven(zonderPgn("2016-01-02"), wec("2026-08-01"));
            las.aanleveren(herstelbaar, verloren);

            var operator = hub.operator();
            JsonNode geparkeerd = Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> operator.get("/geparkeerd").json(), j -> j.size() == 2);
            assertThat(HubTest.alle(las)).isEmpty();
            assertThat(geparkeerd.findValuesAsText("identificatie")).containsExactly(herstelbaar.getIdentificatie(), verloren.getIdentificatie());
            assertThat(geparkeerd.get(0).get("reden").asText()).isEqualTo(IllegalStateException.class.getName());
            // where it failed (the register route, the step the outage was put in) and a text without the exception's own
            assertThat(geparkeerd.get(0).get("route").asText()).isEqualTo("registratie");
            assertThat(geparkeerd.get(0).get("stap").asText()).startsWith("throwException").contains("60-registratie.camel.yaml:");
            assertThat(geparkeerd.get(0).get("melding").asText()).startsWith("onverwachte fout in de verwerking")
                    .doesNotContain("storing in het register");
            assertThat(geparkeerd.get(0).get("pogingen").asInt()).isEqualTo(2);
            assertThat(geparkeerd.get(0).get("brin").asText()).isEqualTo("50AB");
            assertThat(geparkeerd.toString()).doesNotContain(herstelbaar.getLeerling().getAchternaam());
            long eerste = geparkeerd.get(0).get("id").asLong();
            long tweede = geparkeerd.get(1).get("id").asLong();

            // the outage is over: one is replayed, the other discarded, each once
            System.setProperty("bron.test.storing", "uit");
            assertThat(operator.post("/geparkeerd/" + eerste + "/opnieuw").status()).isEqualTo(200);
            var alAfgehandeld = operator.post("/geparkeerd/" + eerste + "/opnieuw");
            assertThat(alAfgehandeld.status()).isEqualTo(409);
            assertThat(alAfgehandeld.json().get("type").asText()).isEqualTo("urn:bron-hub:probleem:conflict");
            assertThat(alAfgehandeld.json().get("detail").asText()).isEqualTo("geparkeerd bericht " + eerste + " is al afgehandeld");
            assertThat(operator.post("/geparkeerd/" + tweede + "/verwerpen").status()).isEqualTo(200);
            assertThat(operator.post("/geparkeerd/" + tweede + "/opnieuw").status()).isEqualTo(409);
            assertThat(operator.post("/geparkeerd/999999/opnieuw").status()).isEqualTo(404);

            // one terugkoppeling each: the replayed one registered, the discarded one 358
            assertThat(HubTest.terugkoppelingVan(las, herstelbaar.getIdentificatie()).getResultaat()).isEqualTo(Verwerkingsresultaat.GEREGISTREERD);
            Terugkoppeling verworpen = HubTest.terugkoppelingVan(las, verloren.getIdentificatie());
            assertThat(verworpen.getSignaal()).extracting(x -> x.getCode()).containsExactly("358");
            // give the poller rounds to do more than it should; it does not
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(HubTest.alle(las)).hasSize(2);
            assertThat(hub.jdbc().queryForObject("select count(*) from inschrijving where brin = '50AB'", Integer.class)).isEqualTo(1);
            assertThat(hub.jdbc().queryForList("select status from bericht order by id", String.class)).containsExactly("VERWERKT", "VERWORPEN");
            assertThat(operator.get("/geparkeerd").json()).isEmpty();
            assertThat(operator.get("/geparkeerd?alle=true").json().findValuesAsText("afhandeling")).containsExactly("OPNIEUW", "VERWORPEN");
        } finally {
            System.clearProperty("bron.test.storing");
        }
    }

    /** The register stage fails for every bericht that meets the condition; a failing bericht is parked after 2 attempts. */
    private void storingInHetRegisterAls(String voorwaarde) throws IOException {
        Path registratie = routes.resolve("60-registratie.camel.yaml");
        String metStoring = Files.readString(registratie).replace("""
                        - bean:
                            ref: register
                """, """
                        - filter:
                            simple: "%s"
                            steps:
                              - throwException:
                                  exceptionType: java.lang.IllegalStateException
                                  message: "storing in het register"
                        - bean:
                            ref: register
                """.formatted(voorwaarde));
        assertThat(metStoring).contains("throwException");
        Files.writeString(registratie, metStoring);
        eigenschappen.put("bron.verwerking.max-pogingen", "2");
    }

    private static Bericht twintigJarige() {
        return inschrijven(zonderPgn("2006-07-31"), wec("2026-08-01"));
    }

    private static Terugkoppeling verwerk(LasClient las, Bericht bericht) {
        las.aanleveren(bericht);
        return HubTest.terugkoppelingVan(las, bericht.getIdentificatie());
    }

    private static List<String> codes(Terugkoppeling t) {
        return t.getSignaal().stream().map(s -> s.getCode()).toList();
    }
}
