package nl.bronhub;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.bronhub.support.Hub;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newcomer's first start on the operators' config/ files and the real clock, whatever today is: the
 * demo school 00AA is in week 4 of its connection phase (its week-3 mail goes out) and 01BA starts
 * today; no week-6 mail and no end of a phase. The dates are fixed at that first start: a later start
 * keeps them.
 */
class EersteStartTest {

    @TempDir
    Path data;

    @Test
    void deEersteStartToontEenFaseOnderweg() throws Exception {
        Map<String, Object> eigenschappen = eigenschappen();
        LocalDate vandaag = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Path tls = data.resolve("tls");
        Path wachtwoordbestand = data.resolve("operator-wachtwoord");

        try (Hub hub = Hub.start(eigenschappen, () -> Pki.uitMap(tls, "las-00AA-1"))) {
            OperatorClient operator = new OperatorClient(hub.operatorPoort(), "operator", Files.readString(wachtwoordbestand).trim(),
                    Pki.zonderCertificaat(tls));
            // a midnight between the two readings would move 'today' by a day; the test then reads it again
            LocalDate eerste = vandaag;
            assertThat(brief(operator, "00AA")).isIn(eerste.minusDays(24), LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(24));
            assertThat(brief(operator, "01BA")).isIn(eerste, LocalDate.now(ZoneId.of("Europe/Amsterdam")));

            JsonNode scholen = operator.get("/scholen").json();
            JsonNode aa = school(scholen, "00AA");
            JsonNode ba = school(scholen, "01BA");
            assertThat(aa.get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
            assertThat(ba.get("kwalificatie").get("status").asText()).isEqualTo("IN_FASE");
            // 'week' counts the weeks done: three done is week 4; 01BA has none done
            assertThat(aa.get("voortgang").get(0).get("week").asInt()).isEqualTo(3);
            assertThat(ba.get("voortgang").get(0).get("week").asInt()).isZero();
            assertThat(LocalDate.parse(aa.get("kwalificatie").get("faseEinde").asText())).isAfter(eerste);

            // the schedule runs several times: only 00AA's week-3 mail is due, nothing for 01BA, no end of a phase
            JsonNode mails = await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/mailserver/berichten").json(),
                    m -> m != null && m.size() > 0);
            // and it stays the one mail while the schedule runs on (every 300 ms)
            mails = await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                    .until(() -> operator.get("/mailserver/berichten").json(), m -> m.size() == 1);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).get("aan").get(0).asText()).isEqualTo("directie@regenboog.example");
            assertThat(mails.get(0).get("onderwerp").asText()).startsWith("Voortgang aansluiting BRON na week 3");
        }

        // three days later the seed's dates are the ones stored at the first start, not three days on
        LocalDate later = vandaag.plusDays(3);
        eigenschappen.put("bron.klok.vast", later + "T09:00:00Z");
        try (Hub hub = Hub.start(eigenschappen, () -> Pki.uitMap(tls, "las-00AA-1"))) {
            OperatorClient operator = new OperatorClient(hub.operatorPoort(), "operator", Files.readString(wachtwoordbestand).trim(),
                    Pki.zonderCertificaat(tls));
            assertThat(brief(operator, "00AA")).isBefore(later.minusDays(24));
            assertThat(brief(operator, "01BA")).isBefore(later);
        }
    }

    private static LocalDate brief(OperatorClient operator, String brin) {
        return LocalDate.parse(operator.get("/aanleverpunten/" + brin + "/1").json().get("gegevens").get("wachtwoordbriefDatum").asText());
    }

    private static JsonNode school(JsonNode scholen, String brin) {
        for (JsonNode s : scholen) {
            if (brin.equals(s.get("kwalificatie").get("brin").asText())) {
                return s;
            }
        }
        throw new AssertionError(brin + " not among the schools: " + scholen);
    }

    /** As StandaardConfiguratieTest: the config/ files, a database and certificates of its own, no fixed clock. */
    private Map<String, Object> eigenschappen() throws Exception {
        int smtp;
        try (ServerSocket vrij = new ServerSocket(0)) {
            smtp = vrij.getLocalPort();
        }
        Map<String, Object> eigenschappen = new HashMap<>();
        eigenschappen.put("server.port", "0");
        eigenschappen.put("bron.operator.poort", "0");
        eigenschappen.put("bron.portaal.poort", "0");
        eigenschappen.put("bron.portaal.wachtwoordbrieven", data.resolve("portaal").toString());
        eigenschappen.put("bron.tls.map", data.resolve("tls").toString());
        eigenschappen.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("bron-hub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        eigenschappen.put("bron.gba.mutaties.map", data.resolve("gbamutaties").toString());
        eigenschappen.put("bron.mail.ingebouwd-poort", String.valueOf(smtp));
        eigenschappen.put("bron.mail.uri", "smtp://127.0.0.1:" + smtp + "?connectionTimeout=2000&contentType=text/html");
        eigenschappen.put("bron.voortgang.interval-ms", "300");
        eigenschappen.put("bron.voortgang.start-vertraging-ms", "0");
        eigenschappen.put("bron.operator.wachtwoordbestand", data.resolve("operator-wachtwoord").toString());
        return eigenschappen;
    }
}
