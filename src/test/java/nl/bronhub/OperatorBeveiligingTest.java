package nl.bronhub;

import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator API answers operators only; the LAS side stays as it was. */
class OperatorBeveiligingTest extends HubTest {

    @Test
    void zonderOfMetVerkeerdeInlogGeenOperatorApi() {
        assertThat(new OperatorClient(port, null, null).get("/aanleverpunten").status()).isEqualTo(401);
        assertThat(new OperatorClient(port, "operator", "geraden").get("/aanleverpunten").status()).isEqualTo(401);
        assertThat(new OperatorClient(port, "las", OperatorClient.WACHTWOORD).get("/audit").status()).isEqualTo(401);
        assertThat(new OperatorClient(port, null, null).post("/voortgangsmails/1/opnieuw").status()).isEqualTo(401);

        assertThat(new OperatorClient(port).get("/aanleverpunten").status()).isEqualTo(200);
    }

    @Test
    void deLasKantVraagtGeenOperatorinlog() {
        LasClient las = las("70CC", "1");
        assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
        assertThat(las.post("<geenEnvelop/>").status()).isEqualTo(500);
    }
}
