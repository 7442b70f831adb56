package nl.bronhub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.bronhub.support.AnderAdres;
import nl.bronhub.support.Hub;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.PortaalClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One password tried at one school after another from one address (a hostile school found the portal counted wrong
 * passwords per name only): after bron.portaal.max-mislukt-per-adres failed sign-ins that address is locked for every
 * name, for the blokkade's duration; the schools themselves, at their own addresses, still sign in.
 */
class PortaalAdresBlokkadeTest {

    private static final Duration BLOKKADE = Duration.ofSeconds(15);

    @TempDir
    static Path data;

    private static Hub hub;

    @BeforeAll
    static void start() {
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("bron.portaal.max-mislukte-pogingen", "3");
        eigenschappen.put("bron.portaal.max-mislukt-per-adres", "6");
        eigenschappen.put("bron.portaal.blokkade", "PT" + BLOKKADE.toSeconds() + "S");
        hub = Hub.start(eigenschappen);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void eenAdresDatBijElkeSchoolRaadtWordtVoorElkeNaamGeblokkeerd() {
        assertThat(hub.operator().put("/aanleverpunten/70CK/1", OperatorClient.schoolMetBestuur("ck", "2026-09-07")).status()).isEqualTo(200);
        String brief = hub.operator().post("/scholen/70CK/portaalwachtwoord").json().get("wachtwoord").asText();
        PortaalClient hier = new PortaalClient(hub.portaalPoort());

        // two tries per name, under each name's own limit of three
        int poging = 0;
        for (String naam : List.of("70CK", "79ZA", "79ZB")) {
            for (int i = 0; i < 2; i++) {
                poging++;
                assertThat(inloggen(hier, naam, "Welkom2026!")).as("try " + poging)
                        .endsWith(poging < 6 ? "/portaal/inloggen?fout" : "/portaal/inloggen?geblokkeerd");
            }
        }
        // now every name from this address: the school's right password too, and a name not tried before
        assertThat(inloggen(hier, "70CK", brief)).endsWith("/portaal/inloggen?geblokkeerd");
        assertThat(inloggen(new PortaalClient(hub.portaalPoort()), "79ZC", "x")).endsWith("/portaal/inloggen?geblokkeerd");
        // the school, at its own address, signs in
        assertThat(new AnderAdres(hub.portaalPoort(), "127.0.0.2").logIn("70CK", brief)).endsWith("/portaal");

        // once the blokkade has passed, this address signs in again
        await().atMost(BLOKKADE.multipliedBy(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> new PortaalClient(hub.portaalPoort()).logIn("70CK", brief));
    }

    private static String inloggen(PortaalClient client, String naam, String wachtwoord) {
        String token = PortaalClient.token(client.get("/portaal/inloggen").body());
        return client.post("/portaal/inloggen", List.of(Map.entry("_csrf", token), Map.entry("brin", naam), Map.entry("wachtwoord", wachtwoord)))
                .headers().firstValue("Location").orElse("");
    }
}
