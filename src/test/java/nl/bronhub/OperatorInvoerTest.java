package nl.bronhub;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless or hostile operator script sends is stored as sent or refused, never converted: unknown fields
 * (also in a PUT), duplicate keys, trailing content, 1.5 or "5" for a count, dates that are not JJJJ-MM-DD,
 * control characters, YAML bodies, aanleverpuntnummers with leading zeros. A refused request changes nothing,
 * and the refusal repeats nothing of what was sent (not even the path).
 */
class OperatorInvoerTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAD = "/operator/aanleverpunten/75AE/1";
    private static final String GELDIG = "{\"las\":\"Esis\",\"gemachtigdeNaam\":\"K. Kompas\",\"gemachtigdeEmail\":\"kompas@example.nl\","
            + "\"wachtwoordbriefDatum\":\"2026-10-05\",\"normLeerlingen\":80,\"normAbLeerlingen\":4,\"bestuurNaam\":\"Stichting\","
            + "\"bestuurEmail\":\"bestuur@example.nl\"}";

    @Test
    void watNietPastWordtGeweigerdEnVerandertNiets() throws Exception {
        OperatorClient operator = operator();
        assertThat(operator.ruw("PUT", PAD, "application/json", GELDIG).statusCode()).isEqualTo(200);
        String voor = operator.ruw("GET", PAD, null, null).body();

        // a misspelt field in a PUT would silently empty the real one
        weigert(operator.ruw("PUT", PAD, "application/json", GELDIG.replace("gemachtigdeEmail", "gemachtigdeEmial")), "gemachtigdeEmial");
        weigert(operator.ruw("PUT", PAD, "application/json", "{\"las\":\"A\",\"las\":\"B\"}"), null);
        weigert(operator.ruw("PUT", PAD, "application/json", "{\"las\":\"A\"} xyz"), null);
        weigert(operator.ruw("PUT", PAD, "application/json", "{\"las\":\"A\"}{\"las\":\"B\"}"), null);
        weigert(operator.ruw("PUT", PAD, "application/json", "{\"normLeerlingen\":1.5}"), "normLeerlingen");
        weigert(operator.ruw("PUT", PAD, "application/json", "{\"normLeerlingen\":\"5\"}"), "normLeerlingen");
        weigert(operator.ruw("PUT", PAD, "application/json", "{\"las\":5}"), "las");
        for (String datum : new String[] {"\"+99999-01-01\"", "\"0000-01-01\"", "20260101", "[2026,1,1]", "\"2026-01-01T00:00:00Z\"",
                "\"2026-02-30\""}) {
            HttpResponse<String> a = operator.ruw("PATCH", PAD, "application/merge-patch+json", "{\"wachtwoordbriefDatum\":" + datum + "}");
            assertThat(a.statusCode()).as(datum + " " + a.body()).isEqualTo(400);
            assertThat(a.body()).contains("wachtwoordbriefDatum");
        }
        weigert(operator.ruw("PATCH", PAD, "application/json", "{\"gemachtigdeNaam\":\"Jan\\u0000Jansen\"}"), "gemachtigdeNaam");
        weigert(operator.ruw("PATCH", PAD, "application/json", "{\"contactpersoon\":\"Jan\\u0007 Jansen\"}"), "contactpersoon");
        weigert(operator.ruw("PATCH", PAD, "application/json", "{\"contactpersoon\":\"\\ud800\"}"), "contactpersoon");
        assertThat(operator.ruw("PUT", PAD, "application/yaml", "las: Esis\n").statusCode()).isEqualTo(415);

        // many unknown names: named, but a few only, and short
        StringBuilder veel = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            veel.append(i == 0 ? "" : ",").append("\"onbekendVeld").append("x".repeat(i % 100)).append(i).append("\":1");
        }
        HttpResponse<String> groot = operator.ruw("PATCH", PAD, "application/json", veel.append('}').toString());
        assertThat(groot.statusCode()).isEqualTo(400);
        assertThat(groot.body().length()).isLessThan(1000);

        assertThat(operator.ruw("GET", PAD, null, null).body()).isEqualTo(voor);

        // one record per aanleverpunt: 01 or 0 is not a second spelling of 1
        weigert(operator.ruw("PUT", "/operator/aanleverpunten/75AE/01", "application/json", GELDIG), "aanleverpuntnummer");
        weigert(operator.ruw("PUT", "/operator/aanleverpunten/75AE/0", "application/json", GELDIG), "aanleverpuntnummer");
        assertThat(operator.ruw("GET", "/operator/aanleverpunten/75AE/01", null, null).statusCode()).isEqualTo(404);

        // a property the API does not have is not repeated either: its name is the sender's
        HttpResponse<String> onbekend = operator.ruw("PATCH", PAD, "application/json", "{\"999993847 Jansen\":1}");
        weigert(onbekend, null);
        assertThat(onbekend.body()).doesNotContain("999993847");

        // the path is not repeated: an answer names this occurrence, not the request
        HttpResponse<String> pad = operator.ruw("PUT", "/operator/aanleverpunten/999993847/1", "application/json", GELDIG);
        assertThat(pad.statusCode()).isEqualTo(400);
        assertThat(pad.body()).doesNotContain("999993847");
        assertThat(JSON.readTree(pad.body()).path("instance").asText()).startsWith("urn:uuid:");
    }

    /**
     * JSON is UTF-8: a body in another encoding, or declared so, is refused (415) and changes nothing (a hostile operator
     * found "José" sent as ISO-8859-1 stored as "JosÃ©", and UTF-16 bodies read unasked).
     */
    @Test
    void eenBodyDieGeenUtf8IsWordtGeweigerd() throws Exception {
        OperatorClient operator = operator();
        String pad = "/operator/aanleverpunten/75AF/1";
        assertThat(operator.ruw("PUT", pad, "application/json", GELDIG).statusCode()).isEqualTo(200);
        String voor = operator.ruw("GET", pad, null, null).body();
        String patch = "{\"contactpersoon\":\"José Müller\"}";
        for (HttpResponse<String> a : List.of(
                operator.ruwBytes("PATCH", pad, "application/json;charset=ISO-8859-1", patch.getBytes(StandardCharsets.UTF_8)),
                operator.ruwBytes("PATCH", pad, "application/json;charset=windows-1252", patch.getBytes(StandardCharsets.UTF_8)),
                operator.ruwBytes("PATCH", pad, "application/json", patch.getBytes(StandardCharsets.UTF_16)),
                operator.ruwBytes("PATCH", pad, "application/json", patch.getBytes(StandardCharsets.UTF_16LE)),
                operator.ruwBytes("PATCH", pad, "application/json", patch.getBytes(StandardCharsets.ISO_8859_1)))) {
            assertThat(a.statusCode()).as(a.body()).isEqualTo(415);
            assertThat(a.body()).contains("urn:bron-hub:probleem:mediatype-niet-ondersteund").contains("UTF-8");
        }
        assertThat(operator.ruw("GET", pad, null, null).body()).isEqualTo(voor);
        // UTF-8, said or not, is taken
        assertThat(operator.ruwBytes("PATCH", pad, "application/json;charset=UTF-8", patch.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(operator.ruw("GET", pad, null, null).body()).contains("José Müller");
    }

    /**
     * Two operators changing different fields of one aanleverpunt at the same moment each keep their change (a hostile
     * operator found one of two undone in 7 of 40 rounds, both answered 200): the merge patch reads and writes under the
     * aanleverpunt's lock.
     */
    @Test
    void tweeWijzigingenTegelijkHoudenBeide() throws Exception {
        OperatorClient operator = operator();
        String pad = "/operator/aanleverpunten/75AG/1";
        assertThat(operator.ruw("PUT", pad, "application/json", GELDIG).statusCode()).isEqualTo(200);
        ExecutorService twee = Executors.newFixedThreadPool(2);
        try {
            for (int ronde = 0; ronde < 25; ronde++) {
                CyclicBarrier samen = new CyclicBarrier(2);
                String las = "Las " + (char) ('A' + ronde % 26) + "x";
                String contact = "Persoon " + (char) ('A' + ronde % 26) + "y";
                Future<Integer> a = twee.submit(() -> {
                    samen.await();
                    return operator.ruw("PATCH", pad, "application/merge-patch+json", "{\"las\":\"" + las + "\"}").statusCode();
                });
                Future<Integer> b = twee.submit(() -> {
                    samen.await();
                    return operator.ruw("PATCH", pad, "application/merge-patch+json", "{\"contactpersoon\":\"" + contact + "\"}").statusCode();
                });
                assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                JsonNode na = JSON.readTree(operator.ruw("GET", pad, null, null).body());
                assertThat(na.at("/gegevens/las").asText() + " / " + na.at("/gegevens/contactpersoon").asText()).as("round " + ronde)
                        .isEqualTo(las + " / " + contact);
            }
        } finally {
            twee.shutdownNow();
        }
    }

    /** An afnemer's name takes no invisible or formatting character either (a right-to-left override disguises it). */
    @Test
    void eenAfnemerMetEenOnzichtbaarTekenInZijnNaamWordtGeweigerd() throws Exception {
        OperatorClient operator = operator();
        for (String teken : List.of("\\u202e", "\\u200b", "\\u2028", "\\ue000", "\\u3164", "\\ufffd", "\\ufeff")) {
            HttpResponse<String> a = operator.ruw("PUT", "/operator/afnemers/vreemd-teken", "application/json",
                    "{\"naam\":\"A" + teken + "B\",\"leveringen\":[\"gtb\"]}");
            assertThat(a.statusCode()).as(teken + " " + a.body()).isEqualTo(400);
        }
        assertThat(operator.ruw("GET", "/operator/afnemers/vreemd-teken", null, null).statusCode()).isEqualTo(404);
        // nor a spreadsheet's formula, as the watched directories and (below) the aanleverpunt's names refuse it
        assertThat(operator.ruw("PUT", "/operator/afnemers/vreemd-teken", "application/json",
                "{\"naam\":\"=HYPERLINK(\\\"x\\\")\",\"leveringen\":[\"gtb\"]}").statusCode()).isEqualTo(400);
        for (String naam : List.of("=cmd()", "+31 6", "-2+3", "\\uff1dSOM(A1)")) {
            weigert(operator.ruw("PATCH", PAD, "application/json", "{\"gemachtigdeNaam\":\"" + naam + "\"}"), "gemachtigdeNaam");
        }
        // and a property's name with a pupil's number in it is not repeated
        HttpResponse<String> bsn = operator.ruw("PATCH", PAD, "application/json", "{\"bsn999990482\":1}");
        assertThat(bsn.statusCode()).isEqualTo(400);
        assertThat(bsn.body()).doesNotContain("999990482");
    }

    private static void weigert(HttpResponse<String> antwoord, String veld) throws Exception {
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(antwoord.body());
        if (veld != null) {
            assertThat(p.path("veld").asText()).as(antwoord.body()).contains(veld);
        }
        assertThat(antwoord.body()).doesNotContain("Exception").doesNotContain("Jansen");
    }
}
