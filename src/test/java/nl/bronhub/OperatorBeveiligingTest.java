package nl.bronhub;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API answers operators only, at their own door; the LAS door answers LAS certificates
 * only, and serves nothing but the SOAP listener.
 */
class OperatorBeveiligingTest extends HubTest {

    @Test
    void zonderOfMetVerkeerdeInlogGeenOperatorApi() {
        assertThat(new OperatorClient(operatorPoort(), null, null).get("/aanleverpunten").status()).isEqualTo(401);
        assertThat(new OperatorClient(operatorPoort(), "operator", "geraden").get("/aanleverpunten").status()).isEqualTo(401);
        assertThat(new OperatorClient(operatorPoort(), "las", OperatorClient.WACHTWOORD).get("/audit").status()).isEqualTo(401);
        assertThat(new OperatorClient(operatorPoort(), null, null).post("/voortgangsmails/1/opnieuw").status()).isEqualTo(401);

        assertThat(operator().get("/aanleverpunten").status()).isEqualTo(200);
    }

    @Test
    void deLasKantVraagtGeenOperatorinlog() {
        LasClient las = las("70CC", "1");
        assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
        assertThat(las.post("<geenEnvelop/>").status()).isEqualTo(500);
    }

    @Test
    void eenLascertificaatBereiktDeOperatorApiNiet() throws Exception {
        // at the LAS door, even with the operator's password: there is no operator API there
        LasClient las = las("70CC", "1");
        for (String pad : List.of("/aanleverpunten", "/audit", "/operator/aanleverpunten")) {
            HttpResponse<String> antwoord = las.http().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + pad))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("operator:" + OperatorClient.WACHTWOORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            // the LAS door's answer to any other address: a SOAP fault with 360
            assertThat(antwoord.statusCode()).as(pad).isEqualTo(500);
            assertThat(antwoord.body()).as(pad).contains("<faultstring>360: ").doesNotContain("70CC").doesNotContain("aanleverpuntnummer");
        }
    }

    @Test
    void deOperatorinlogBereiktDeLasOperatiesNiet() throws Exception {
        LasClient las = las("70CC", "1");
        String verzoek = LasClient.envelop(las.ophaalVerzoek(0, null));
        HttpRequest viaOperatorDeur = HttpRequest.newBuilder(URI.create("https://localhost:" + operatorPoort() + "/services/uitwisseling/v1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + OperatorClient.WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(verzoek)).build();
        HttpResponse<String> antwoord = Pki.zonderCertificaat().http().send(viaOperatorDeur, HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).isEqualTo(404);
        assertThat(antwoord.body()).doesNotContain("terugkoppelingAntwoord");
    }
}
