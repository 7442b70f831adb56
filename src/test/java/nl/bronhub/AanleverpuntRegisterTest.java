package nl.bronhub;

import java.util.Map;

import nl.bronhub.support.HubTest;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.OperatorClient.aanleverpunt;
import static org.assertj.core.api.Assertions.assertThat;

/** The aanleverpunt registry through the operator API: seeded, maintained, bad input refused. */
class AanleverpuntRegisterTest extends HubTest {

    @Test
    void hetRegisterIsGevuldUitDeSeed() {
        var seed = operator().get("/aanleverpunten/70CZ/1");
        assertThat(seed.status()).isEqualTo(200);
        assertThat(seed.json().at("/gegevens/gemachtigdeEmail").asText()).isEqualTo("gemachtigde@70cz.example");
        assertThat(seed.json().at("/gegevens/normLeerlingen").asInt()).isEqualTo(50);
        assertThat(operator().get("/aanleverpunten").json().findValuesAsText("brin")).contains("70CZ");
    }

    @Test
    void eenOperatorLegtEenAanleverpuntVastEnWijzigtHet() {
        var nieuw = operator().put("/aanleverpunten/70CY/2", aanleverpunt("directie@70cy.example", "2026-09-07", 120, 10));
        assertThat(nieuw.status()).isEqualTo(200);
        assertThat(nieuw.json().at("/gegevens/wachtwoordbriefDatum").asText()).isEqualTo("2026-09-07");

        var gewijzigd = operator().put("/aanleverpunten/70CY/2", aanleverpunt("nieuw@70cy.example", "2026-09-07", 125, 10));
        assertThat(gewijzigd.status()).isEqualTo(200);
        assertThat(operator().get("/aanleverpunten/70CY/2").json().at("/gegevens/normLeerlingen").asInt()).isEqualTo(125);
        assertThat(operator().get("/aanleverpunten/70CY/2").json().at("/gegevens/gemachtigdeEmail").asText()).isEqualTo("nieuw@70cy.example");
    }

    @Test
    void ongeldigeInvoerWordtGeweigerdMetEenDuidelijkeMeldingEnVerandertNiets() {
        operator().put("/aanleverpunten/70CX/1", aanleverpunt("goed@70cx.example", "2026-09-07", 100, 10));

        var email = operator().put("/aanleverpunten/70CX/1", aanleverpunt("geen-adres", "2026-09-07", 100, 10));
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.json().get("detail").asText()).isEqualTo("gemachtigdeEmail is geen geldig e-mailadres");

        var negatief = operator().put("/aanleverpunten/70CX/1", aanleverpunt("goed@70cx.example", "2026-09-07", -1, 10));
        assertThat(negatief.status()).isEqualTo(400);
        assertThat(negatief.json().get("detail").asText()).isEqualTo("normLeerlingen mag niet negatief zijn");

        var datum = operator().put("/aanleverpunten/70CX/1", Map.of("wachtwoordbriefDatum", "7 september"));
        assertThat(datum.status()).isEqualTo(400);
        assertThat(datum.json().get("detail").asText()).contains("datums als JJJJ-MM-DD");

        var bewaard = operator().get("/aanleverpunten/70CX/1").json().get("gegevens");
        assertThat(bewaard.get("gemachtigdeEmail").asText()).isEqualTo("goed@70cx.example");
        assertThat(bewaard.get("normLeerlingen").asInt()).isEqualTo(100);
    }

    @Test
    void eenOnbekendBrinWordtGeweigerdEnNietAangemaakt() {
        var onbekend = operator().put("/aanleverpunten/99ZZ/1", aanleverpunt("a@b.example", "2026-09-07", 1, 0));
        assertThat(onbekend.status()).isEqualTo(400);
        assertThat(onbekend.json().get("detail").asText()).isEqualTo("BRIN-nummer 99ZZ is niet bekend in het BRIN-register");
        assertThat(operator().get("/aanleverpunten/99ZZ/1").status()).isEqualTo(404);
    }
}
