package nl.bronhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Databank;
import nl.bronhub.support.FoutenInLog;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.Mailserver;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Running the hub: health (database, SMTP, routes) and metrics at the operator door, and a database
 * outage, during which the LAS hears 358 instead of an 'ontvangen' the hub could not keep, and after
 * which processing goes on by itself.
 */
class BedrijfsvoeringTest {

    @TempDir
    Path data;

    @Test
    void gezondheidEnMetingenVoorDeOperator() throws Exception {
        try (Mailserver smtp = new Mailserver()) {
            Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
            eigenschappen.put("bron.mail.uri", smtp.uri());
            try (Hub hub = Hub.start(eigenschappen)) {
                OperatorClient operator = new OperatorClient(hub.operatorPoort());
                OperatorClient anoniem = new OperatorClient(hub.operatorPoort(), null, null);

                // UP once every route's consumer has started working (the GBA feed's first poll)
                JsonNode gezondheid = await().atMost(Duration.ofSeconds(20)).until(() -> actuator(operator, "/health"),
                        g -> "UP".equals(g.get("status").asText()));
                for (String deel : List.of("db", "smtp", "camelHealth")) {
                    assertThat(gezondheid.at("/components/" + deel + "/status").asText()).as(deel).isEqualTo("UP");
                }
                // camelHealth names every route of routes/ and its consumer, each with its state
                JsonNode camel = gezondheid.at("/components/camelHealth/details");
                List<String> routes = routeIds();
                assertThat(routes).contains("soap-listener", "verwerking-poller", "gba-mutaties");
                for (String route : routes) {
                    assertThat(camel.path("route:" + route).asText()).as("route " + route).isEqualTo("UP");
                    assertThat(camel.path("consumer:" + route).asText()).as("consumer " + route).isEqualTo("UP");
                }
                assertThat(camel.path("context").asText()).isEqualTo("UP");
                // a load balancer sees whether it is up, not how
                JsonNode kaal = actuator(anoniem, "/health");
                assertThat(kaal.get("status").asText()).isEqualTo("UP");
                assertThat(kaal.has("components")).isFalse();

                // the mail relay down: health says so, but the instance can still take berichten
                smtp.stop();
                try (FoutenInLog log = FoutenInLog.open()) {
                    assertThat(actuatorStatus(operator, "/health")).isEqualTo(503);
                    assertThat(actuator(operator, "/health").at("/components/smtp/status").asText()).isEqualTo("DOWN");
                    // a state, not a fault: anyone may ask /actuator/health, and each ask must not log a stack trace
                    assertThat(log.neem()).isEmpty();
                }
                assertThat(actuator(operator, "/health").at("/components/smtp/details/fout").asText()).startsWith("niet bereikbaar");
                assertThat(actuatorStatus(anoniem, "/health/readiness")).isEqualTo(200);
                smtp.start();
                assertThat(actuatorStatus(operator, "/health")).isEqualTo(200);

                // Camel's route metrics and the queues, in Prometheus' format, for the operator only
                LasClient las = hub.las("70AY", "1");
                Bericht bericht = inschrijven(zonderPgn("2016-04-04"), wec("2026-08-01"));
                las.aanleveren(bericht);
                HubTest.terugkoppelingVan(las, bericht.getIdentificatie());
                assertThat(actuatorStatus(anoniem, "/prometheus")).isEqualTo(401);
                String metingen = tekst(operator, "/prometheus");
                assertThat(waarde(metingen, "camel_exchanges_total{camelContext=\"bron-hub\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"aanleveren\"}"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(waarde(metingen, "camel_exchanges_total{camelContext=\"bron-hub\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"verwerk-reeks\"}"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(metingen).contains("bron_berichten_wachtend 0.0").contains("bron_berichten_geparkeerd 0.0");
                // Camel's last-exchange gauge, registered by the hub before any route ran (LaatsteExchangeMeting), still moves
                assertThat(waarde(metingen, "camel_exchanges_last_timestamp")).isGreaterThan(System.currentTimeMillis() - 60_000);

                // none of it at the LAS door
                var viaLasDeur = Hub.STANDAARD_LAS.get().http().send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + hub.port() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(viaLasDeur.statusCode()).isEqualTo(500);
                assertThat(viaLasDeur.body()).contains("<faultstring>360: ").doesNotContain("UP");
            }
        }
    }

    @Test
    void eenDatabasestoringGeeft358EnDaarnaGaatDeVerwerkingVanzelfVerder() throws Exception {
        Assumptions.assumeFalse(Databank.postgres(), "the outage is played with an H2 server");
        int poort;
        try (ServerSocket vrij = new ServerSocket(0)) {
            poort = vrij.getLocalPort();
        }
        String[] serverArgumenten = {"-tcpPort", String.valueOf(poort), "-baseDir", data.toString(), "-ifNotExists"};
        Server database = Server.createTcpServer(serverArgumenten).start();
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("spring.datasource.url", "jdbc:h2:tcp://localhost:" + poort + "/bron-hub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        eigenschappen.put("spring.datasource.hikari.connection-timeout", "1000");
        try (Hub hub = Hub.start(eigenschappen)) {
            LasClient las = hub.las("70AY", "1");
            // acknowledged just before the outage: in the queue, partly processed when the database goes
            List<Bericht> voor = IntStream.range(0, 40).mapToObj(i -> inschrijven(zonderPgn("2015-01-" + (10 + i % 18)), wec("2026-08-01"))).toList();
            assertThat(las.aanleveren(voor.toArray(Bericht[]::new)).getBerichtResultaat())
                    .extracting(r -> r.getStatus()).containsOnly(Ontvangststatus.ONTVANGEN);
            database.stop();

            // the hub cannot store: the LAS hears 358 and knows to send again, it is not told 'ontvangen'
            Bericht tijdens = inschrijven(zonderPgn("2015-02-01"), wec("2026-08-01"));
            LasClient.Fout fout = las.aanleverenFout(tijdens);
            assertThat(fout.signalen()).singleElement().satisfies(s -> assertThat(s.getCode()).isEqualTo("358"));
            assertThat(fout.faultstring()).startsWith("358");
            assertThat(las.ophalenFout(0).signalen()).extracting(s -> s.getCode()).containsExactly("358");
            // the processing side has met the outage too before the database returns
            OperatorClient operator = new OperatorClient(hub.operatorPoort());
            await().atMost(Duration.ofSeconds(10)).until(() -> waarde(tekst(operator, "/prometheus"),
                    "camel_exchanges_failed_total{camelContext=\"bron-hub\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"verwerking-poller\"}") > 0);

            database = Server.createTcpServer(serverArgumenten).start();
            // the same bericht again, now stored; and everything acknowledged before is processed, once
            AanleverenAntwoord opnieuw = las.aanleveren(tijdens);
            assertThat(opnieuw.getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
            List<Terugkoppeling> alle = await().atMost(Duration.ofSeconds(60)).until(() -> HubTest.alle(las), l -> l.size() >= 41);
            assertThat(alle).extracting(Terugkoppeling::getBerichtIdentificatie).doesNotHaveDuplicates()
                    .containsAll(voor.stream().map(Bericht::getIdentificatie).toList()).contains(tijdens.getIdentificatie());
            assertThat(alle).extracting(Terugkoppeling::getVolgnummer).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, 41).mapToObj(Long::valueOf).toList());
            assertThat(hub.jdbc().queryForObject("select count(*) from inschrijving where brin = '70AY'", Integer.class)).isEqualTo(41);
        } finally {
            database.stop();
        }
    }

    /** The ids of the routes in routes/*.camel.yaml, as the files name them. */
    private static List<String> routeIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (var bestanden = Files.list(Path.of("routes"))) {
            for (Path bestand : bestanden.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                var m = Pattern.compile("(?m)^- route:\\s*\\n\\s+id: (\\S+)").matcher(Files.readString(bestand));
                while (m.find()) {
                    ids.add(m.group(1));
                }
                // a route made from a route template (routes/01-afleverbestanden) is named by its templatedRoute
                var t = Pattern.compile("(?m)^\\s+routeId: (\\S+)").matcher(Files.readString(bestand));
                while (t.find()) {
                    ids.add(t.group(1));
                }
            }
        }
        return ids;
    }

    private static JsonNode actuator(OperatorClient operator, String pad) throws Exception {
        return new ObjectMapper().readTree(tekst(operator, pad));
    }

    private static int actuatorStatus(OperatorClient operator, String pad) {
        return operator.actuator(pad).statusCode();
    }

    private static String tekst(OperatorClient operator, String pad) {
        return operator.actuator(pad).body();
    }

    private static double waarde(String metingen, String reeks) {
        return metingen.lines().filter(l -> l.startsWith(reeks + " ")).mapToDouble(l -> Double.parseDouble(l.substring(reeks.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + reeks + " in the metrics"));
    }
}
