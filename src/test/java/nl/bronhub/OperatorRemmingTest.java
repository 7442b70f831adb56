package nl.bronhub;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing the operator's password is held back: after three wrong ones from this address within a
 * minute, every request with credentials gets 429 and a Retry-After for three seconds, also with the
 * right password; then the operator is let in again. An operator who signs in right is never held back,
 * nor is a request without credentials (a load balancer's health check).
 */
class OperatorRemmingTest {

    private static final Duration BLOKKADE = Duration.ofSeconds(3);

    private static Hub hub;

    @BeforeAll
    static void start() {
        Map<String, Object> eigenschappen = Hub.testEigenschappen(Path.of("target/test-data", "remming-" + Berichten.uniekeLetters()));
        eigenschappen.put("bron.operator.max-foute-wachtwoorden", "3");
        eigenschappen.put("bron.operator.venster", "PT1M");
        eigenschappen.put("bron.operator.blokkade", "PT" + BLOKKADE.toSeconds() + "S");
        hub = Hub.start(eigenschappen);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void foutWachtwoordenRadenWordtAfgeremd() throws Exception {
        OperatorClient operator = hub.operator();
        OperatorClient rader = new OperatorClient(hub.operatorPoort(), "operator", "geraden");
        // the right password, many times and fast: never held back
        for (int i = 0; i < 20; i++) {
            assertThat(operator.get("/aanleverpunten").status()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(rader.get("/aanleverpunten").status()).as("wrong password " + (i + 1)).isEqualTo(401);
        }
        HttpResponse<String> afgeremd = ruw("operator", OperatorClient.WACHTWOORD);
        assertThat(afgeremd.statusCode()).as("the right password, after three wrong ones").isEqualTo(429);
        long wacht = Long.parseLong(afgeremd.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wacht).isBetween(1L, BLOKKADE.toSeconds());
        assertThat(afgeremd.body()).contains("\"detail\"").contains("\"instance\":\"urn:uuid:").doesNotContain(OperatorClient.WACHTWOORD);
        assertThat(rader.get("/aanleverpunten").status()).isEqualTo(429);
        // without credentials nothing is held back: the health check answers as ever
        assertThat(new OperatorClient(hub.operatorPoort(), null, null).actuator("/health").statusCode()).isIn(200, 503);
        assertThat(new OperatorClient(hub.operatorPoort(), null, null).get("/aanleverpunten").status()).isEqualTo(401);

        // once the Retry-After has passed, the operator is let in
        Awaitility.await().pollDelay(Duration.ofSeconds(wacht)).atMost(Duration.ofSeconds(wacht + 10))
                .until(() -> operator.get("/aanleverpunten").status() == 200);
    }

    private HttpResponse<String> ruw(String gebruiker, String wachtwoord) throws Exception {
        HttpRequest verzoek = HttpRequest.newBuilder(URI.create("https://localhost:" + hub.operatorPoort() + "/operator/aanleverpunten"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((gebruiker + ":" + wachtwoord)
                        .getBytes(StandardCharsets.UTF_8))).build();
        return Pki.zonderCertificaat().http().send(verzoek, HttpResponse.BodyHandlers.ofString());
    }
}
