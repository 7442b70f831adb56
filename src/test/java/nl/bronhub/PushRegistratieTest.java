package nl.bronhub;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering a push endpoint through the operator API: register, show, replace, remove, each in the audit trail; an
 * address that is not plain https (user info, another scheme, too long, malformed) or a body of the wrong form is
 * refused with a coded problem and nothing is stored; the refusal does not repeat what was sent.
 */
class PushRegistratieTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEndpointIsRegisteredShownReplacedAndRemovedAndEachChangeIsAudited() {
        OperatorClient operator = operator();
        assertThat(operator.put("/aanleverpunten/75AE/8", "{}").status()).isEqualTo(200);
        String pad = "/aanleverpunten/75AE/8/push";
        assertThat(operator.get(pad).status()).isEqualTo(404);

        OperatorClient.Antwoord geregistreerd = operator.put(pad, Map.of("adres", "https://las.example.nl/bron"));
        assertThat(geregistreerd.status()).isEqualTo(200);
        assertThat(geregistreerd.json().path("adres").asText()).isEqualTo("https://las.example.nl/bron");
        assertThat(geregistreerd.json().path("laatstAfgeleverd").asLong()).isZero();
        assertThat(geregistreerd.json().path("wachtend").asLong()).isZero();
        assertThat(operator.get(pad).json().path("brin").asText()).isEqualTo("75AE");
        assertThat(operator.get("/push").json().findValuesAsText("aanleverpuntnummer")).contains("8");

        // another address for the same aanleverpunt replaces it
        assertThat(operator.put(pad, Map.of("adres", "https://las2.example.nl:9443/bron?school=75AE")).status()).isEqualTo(200);
        assertThat(operator.get(pad).json().path("adres").asText()).isEqualTo("https://las2.example.nl:9443/bron?school=75AE");

        assertThat(operator.delete(pad).status()).isEqualTo(204);
        assertThat(operator.get(pad).status()).isEqualTo(404);
        assertThat(operator.delete(pad).status()).isEqualTo(404);

        assertThat(jdbc.queryForList("select uitkomst from audit where brin = '75AE' and aanleverpuntnummer = '8' "
                + "and operatie like 'operator:push%' order by id", String.class)).containsExactly("vastgelegd", "vastgelegd", "verwijderd");
    }

    @Test
    void aBadAddressOrBodyIsRefusedWithACodedProblemAndNothingIsStored() throws Exception {
        OperatorClient operator = operator();
        assertThat(operator.put("/aanleverpunten/75AE/9", "{}").status()).isEqualTo(200);
        String pad = "/aanleverpunten/75AE/9/push";

        for (String adres : List.of("http://las.example.nl/bron", "https://gebruiker:geheimwachtwoord@las.example.nl/bron",
                "https://las.example.nl/" + "a".repeat(600), "https://las .example.nl/", "https://", "javascript:alert(1)",
                "https://las.example.nl:70000/", "https://las.example.nl/#x", "", "https://las.example.nl/\u0000")) {
            HttpResponse<String> a = operator.ruw("PUT", "/operator" + pad, "application/json", JSON.writeValueAsString(Map.of("adres", adres)));
            assertThat(a.statusCode()).as(adres).isEqualTo(400);
            JsonNode p = JSON.readTree(a.body());
            assertThat(p.path("type").asText()).isEqualTo("urn:bron-hub:probleem:ongeldige-invoer");
            assertThat(p.path("veld").asText()).isEqualTo("adres");
            assertThat(a.body()).doesNotContain("geheimwachtwoord").doesNotContain("aaaaaaaaaa");
        }
        // the body's form: unknown field, a number, no object, two keys the same, nothing at all
        for (String body : List.of("{\"adres\":\"https://las.example.nl/\",\"doorsturen\":\"https://elders/\"}", "{\"adres\":5}",
                "[\"https://las.example.nl/\"]", "{\"adres\":\"https://a.example/\",\"adres\":\"https://b.example/\"}", "{}", "")) {
            HttpResponse<String> a = operator.ruw("PUT", "/operator" + pad, "application/json", body);
            assertThat(a.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(a.body()).path("type").asText()).startsWith("urn:bron-hub:probleem:");
        }
        assertThat(operator.ruw("PUT", "/operator" + pad, "text/plain", "https://las.example.nl/").statusCode()).isEqualTo(415);

        assertThat(operator.get(pad).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from terugkoppeling_push p join aanleverpunt a on a.id = p.aanleverpunt_id "
                + "where a.brin = '75AE' and a.aanleverpuntnummer = '9'", Integer.class)).isZero();
        assertThat(jdbc.queryForList("select distinct uitkomst from audit where brin = '75AE' and aanleverpuntnummer = '9' "
                + "and operatie like 'operator:push%'", String.class)).containsExactly("geweigerd");

        // an aanleverpunt the hub does not know; an address that is no aanleverpunt's is not repeated
        assertThat(operator.put("/aanleverpunten/75AE/99999/push", Map.of("adres", "https://las.example.nl/")).status()).isEqualTo(404);
        HttpResponse<String> vreemd = operator.ruw("PUT", "/operator/aanleverpunten/%3Cscript%3E/1/push", "application/json",
                "{\"adres\":\"https://las.example.nl/\"}");
        assertThat(vreemd.statusCode()).isEqualTo(404);
        assertThat(vreemd.body()).doesNotContain("script");
        assertThat(operator.get("/aanleverpunten/75AE/99999/push").status()).isEqualTo(404);
    }
}
