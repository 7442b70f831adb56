package nl.bronhub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
                        .endsWith(poging < 6 ? "/portaal/inloggen?fout" : "/portaal/inloggen?adresgeblokkeerd");
            }
        }
        // now every name from this address: the school's right password too, and a name not tried before
        assertThat(inloggen(hier, "70CK", brief)).endsWith("/portaal/inloggen?adresgeblokkeerd");
        assertThat(inloggen(new PortaalClient(hub.portaalPoort()), "79ZC", "x")).endsWith("/portaal/inloggen?adresgeblokkeerd");
        // the page says it is the address, for every account, and that the helpdesk can lift it
        assertThat(hier.get("/portaal/inloggen?adresgeblokkeerd").body()).contains("Vanaf uw internetadres is te vaak een onjuist wachtwoord gegeven")
                .contains("vraag de helpdesk de blokkade van uw internetadres (127.0.0.1) op te heffen")
                .contains("een nieuwe wachtwoordbrief helpt daar niet tegen")
                // not the advice that does not help here (a hostile school followed it: a new letter, still locked)
                .doesNotContain("Uw account is geblokkeerd").doesNotContain("id=\"nieuwe-brief\"");
        // the school, at its own address, signs in
        assertThat(new AnderAdres(hub.portaalPoort(), "127.0.0.2").logIn("70CK", brief)).endsWith("/portaal");

        // once the blokkade has passed, this address signs in again
        await().atMost(BLOKKADE.multipliedBy(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> new PortaalClient(hub.portaalPoort()).logIn("70CK", brief));
    }

    @Test
    void deHelpdeskZietEnHeftEenAdresblokkadeOp() {
        assertThat(hub.operator().put("/aanleverpunten/70CL/1", OperatorClient.schoolMetBestuur("cl", "2026-09-07")).status()).isEqualTo(200);
        String brief = hub.operator().post("/scholen/70CL/portaalwachtwoord").json().get("wachtwoord").asText();
        AnderAdres kantoor = new AnderAdres(hub.portaalPoort(), "127.0.0.3");
        for (String naam : List.of("70CL", "70CL", "79ZD", "79ZD", "79ZE", "79ZE")) {
            kantoor.logIn(naam, "Welkom2026!");
        }
        assertThat(kantoor.logIn("70CL", brief)).endsWith("/portaal/inloggen?adresgeblokkeerd");
        // a new letter lifts the name's locks, not the address's
        brief = hub.operator().post("/scholen/70CL/portaalwachtwoord").json().get("wachtwoord").asText();
        assertThat(kantoor.logIn("70CL", brief)).endsWith("/portaal/inloggen?adresgeblokkeerd");

        OperatorClient.Antwoord lijst = hub.operator().get("/portaal/adresblokkades");
        assertThat(lijst.status()).isEqualTo(200);
        assertThat(lijst.json().findValuesAsText("adres")).contains("127.0.0.3").doesNotContain("127.0.0.2");
        // refused: no address, or not an address; nothing counted for it is a 404
        assertThat(hub.operator().post("/portaal/adresblokkades/opheffen", "{}").status()).isEqualTo(400);
        assertThat(hub.operator().post("/portaal/adresblokkades/opheffen", "{\"adres\":\"' or 1=1 --\"}").status()).isEqualTo(400);
        assertThat(hub.operator().post("/portaal/adresblokkades/opheffen", "{\"adres\":\"192.0.2.99\"}").status()).isEqualTo(404);
        assertThat(kantoor.logIn("70CL", brief)).as("nothing lifted yet").endsWith("/portaal/inloggen?adresgeblokkeerd");

        assertThat(hub.operator().post("/portaal/adresblokkades/opheffen", "{\"adres\":\"127.0.0.3\"}").status()).isEqualTo(200);
        assertThat(hub.operator().get("/portaal/adresblokkades").json().findValuesAsText("adres")).doesNotContain("127.0.0.3");
        assertThat(kantoor.logIn("70CL", brief)).endsWith("/portaal");
    }

    @Test
    void aanmeldingenTegelijkWordenEenVoorEenGeteld() throws Exception {
        assertThat(hub.operator().put("/aanleverpunten/70CM/1", OperatorClient.schoolMetBestuur("cm", "2026-09-07")).status()).isEqualTo(200);
        String brief = hub.operator().post("/scholen/70CM/portaalwachtwoord").json().get("wachtwoord").asText();
        AnderAdres rader = new AnderAdres(hub.portaalPoort(), "127.0.0.4");
        // twenty guesses sent at once: the name's limit is three, so two are told 'fout' and the third locks it; every
        // guess after it is turned away unchecked and uncounted. Without turns each was checked before the failure before
        // it was counted: all twenty were checked, and their count locked the address (limit six) as well
        ExecutorService tegelijk = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> antwoorden = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String gok = "gok-" + i;
                antwoorden.add(tegelijk.submit(() -> rader.logIn("70CM", gok)));
            }
            List<String> waar = new ArrayList<>();
            for (Future<String> a : antwoorden) {
                waar.add(a.get(2, TimeUnit.MINUTES));
            }
            assertThat(waar).filteredOn(w -> w.endsWith("?fout")).hasSize(2);
            assertThat(waar).filteredOn(w -> w.endsWith("?geblokkeerd")).hasSize(18);
        } finally {
            tegelijk.shutdownNow();
        }
        assertThat(hub.operator().get("/portaal/adresblokkades").json().findValuesAsText("adres")).doesNotContain("127.0.0.4");
        assertThat(rader.logIn("70CM", brief)).endsWith("/portaal/inloggen?geblokkeerd");
        assertThat(new AnderAdres(hub.portaalPoort(), "127.0.0.5").logIn("70CM", brief)).endsWith("/portaal");
    }

    private static String inloggen(PortaalClient client, String naam, String wachtwoord) {
        String token = PortaalClient.token(client.get("/portaal/inloggen").body());
        return client.post("/portaal/inloggen", List.of(Map.entry("_csrf", token), Map.entry("brin", naam), Map.entry("wachtwoord", wachtwoord)))
                .headers().firstValue("Location").orElse("");
    }
}
