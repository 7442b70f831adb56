package nl.bronhub;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.bronhub.support.HubTest;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static nl.bronhub.support.OperatorClient.aanleverpunt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(negatief.json().get("detail").asText()).isEqualTo("normLeerlingen moet minstens 1 zijn");

        // the portal's bounds: a normaantal 0 leaves the score unjudged ("n.v.t."), over 99999 is a typo
        var nul = operator().put("/aanleverpunten/70CX/1", aanleverpunt("goed@70cx.example", "2026-09-07", 0, 10));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("detail").asText()).isEqualTo("normLeerlingen moet minstens 1 zijn");
        var teVeel = operator().put("/aanleverpunten/70CX/1", aanleverpunt("goed@70cx.example", "2026-09-07", 100, 100_000));
        assertThat(teVeel.status()).isEqualTo(400);
        assertThat(teVeel.json().get("detail").asText()).isEqualTo("normAbLeerlingen moet hoogstens 99999 zijn");
        // an address a spreadsheet reads as a formula
        var formule = operator().put("/aanleverpunten/70CX/1", aanleverpunt("-x@70cx.example", "2026-09-07", 100, 10));
        assertThat(formule.status()).isEqualTo(400);
        assertThat(formule.json().get("detail").asText()).isEqualTo("gemachtigdeEmail is geen geldig e-mailadres");

        var datum = operator().put("/aanleverpunten/70CX/1", Map.of("wachtwoordbriefDatum", "7 september"));
        assertThat(datum.status()).isEqualTo(400);
        assertThat(datum.json().get("detail").asText()).contains("datums als JJJJ-MM-DD");

        var bewaard = operator().get("/aanleverpunten/70CX/1").json().get("gegevens");
        assertThat(bewaard.get("gemachtigdeEmail").asText()).isEqualTo("goed@70cx.example");
        assertThat(bewaard.get("normLeerlingen").asInt()).isEqualTo(100);
    }

    /**
     * A name is a name as the LAS door has one, judged in its compatibility form too (a hostile school put a phone number in
     * superscript and circled digits, and a domain with look-alike dots, in the board's mail; emoji, "..." and a name of
     * no-break spaces were stored). Each refused with the field named, nothing changed; ordinary names pass.
     */
    @Test
    void eenNaamIsEenNaamOokInCompatibeleVorm() {
        operator().put("/aanleverpunten/70CX/2", aanleverpunt("goed@70cx.example", "2026-09-07", 100, 10));
        for (String slecht : java.util.List.of("Bel \u2070\u2079\u2070\u2070\u00B9\u00B2\u00B3\u2074", "Bel \u24EA\u2468\u24EA\u24EA\u2460\u2461\u2462",
                "Piet evil\uFE52com", "Piet evil\u2024com", "Piet evil\u0589com", "Piet evil\u2E3Ccom", "\u2212Jan", "|Jan", "\u2013Jan")) {
            var a = operator().patch("/aanleverpunten/70CX/2", Map.of("gemachtigdeNaam", slecht));
            assertThat(a.status()).as(slecht).isEqualTo(400);
            assertThat(a.json().get("detail").asText()).as(slecht).startsWith("gemachtigdeNaam mag geen webadres, e-mailadres of telefoonnummer bevatten");
        }
        for (String slecht : java.util.List.of("...", "\uD83D\uDE00\uD83D\uDE00", "Piet \uD83D\uDE00", "\u00A0\u00A0", "\uD835\uDC0F\uD835\uDC22\uD835\uDC1E\uD835\uDC2D",
                "Pie\u0301\u0302\u0303\u0304t", "Piet\u034F", "Piet\u17B4", "\uFE0F", "12", "\u0301Jan")) {
            var a = operator().patch("/aanleverpunten/70CX/2", Map.of("bestuurNaam", slecht));
            assertThat(a.status()).as(slecht).isEqualTo(400);
            assertThat(a.json().get("detail").asText()).as(slecht).startsWith("bestuurNaam ");
        }
        for (String goed : java.util.List.of("J.P. de Vries-\u00DCnal", "St. Jozef", "Stichting Onderwijsgroep 2000", "Nguy\u1EC5n Th\u1ECB",
                "\u0645\u0624\u0633\u0633\u0629 \u0643\u0648\u0645\u0628\u0627\u0633", "Stichting 't Kompas")) {
            var a = operator().patch("/aanleverpunten/70CX/2", Map.of("bestuurNaam", goed));
            assertThat(a.status()).as(goed + " " + a).isEqualTo(200);
            assertThat(operator().get("/aanleverpunten/70CX/2").json().at("/gegevens/bestuurNaam").asText()).isEqualTo(goed);
        }
        assertThat(operator().get("/aanleverpunten/70CX/2").json().at("/gegevens/gemachtigdeNaam").asText()).doesNotStartWith("Bel");
    }

    @Test
    void eenOnbekendBrinWordtGeweigerdEnNietAangemaakt() {
        var onbekend = operator().put("/aanleverpunten/99ZZ/1", aanleverpunt("a@b.example", "2026-09-07", 1, 0));
        assertThat(onbekend.status()).isEqualTo(400);
        assertThat(onbekend.json().get("detail").asText()).isEqualTo("BRIN-nummer 99ZZ is niet bekend in het BRIN-register");
        assertThat(operator().get("/aanleverpunten/99ZZ/1").status()).isEqualTo(404);
    }

    /**
     * A school has one board: a second aanleverpunt of the school naming another board is refused (both boards saw the
     * whole school); a school changes board by emptying the others first.
     */
    @Test
    void eenSchoolHeeftEenBestuur() {
        Map<String, Object> eerste = OperatorClient.schoolMetBestuur("bf", "2026-09-07");
        eerste.put("bestuurNummer", "41101");
        assertThat(operator().put("/aanleverpunten/73BF/1", eerste).status()).isEqualTo(200);
        Map<String, Object> tweede = OperatorClient.schoolMetBestuur("bf", "2026-09-07");
        tweede.put("bestuurNummer", "41102");
        var geweigerd = operator().put("/aanleverpunten/73BF/2", tweede);
        assertThat(geweigerd.status()).isEqualTo(400);
        assertThat(geweigerd.json().get("detail").asText()).startsWith("BRIN-nummer 73BF valt al onder bestuur 41101 (aanleverpunt 1)");
        assertThat(operator().get("/aanleverpunten/73BF/2").status()).isEqualTo(404);

        tweede.put("bestuurNummer", "41101");
        assertThat(operator().put("/aanleverpunten/73BF/2", tweede).status()).isEqualTo(200);
        tweede.remove("bestuurNummer");
        assertThat(operator().put("/aanleverpunten/73BF/3", tweede).status()).as("without a board").isEqualTo(200);
        assertThat(operator().patch("/aanleverpunten/73BF/1", Map.of("bestuurNummer", "41102")).status()).isEqualTo(400);
        assertThat(operator().get("/aanleverpunten/73BF/1").json().at("/gegevens/bestuurNummer").asText()).isEqualTo("41101");

        // to another board: the others emptied first, then each set
        Map<String, Object> leeg = new HashMap<>();
        leeg.put("bestuurNummer", null);
        assertThat(operator().patch("/aanleverpunten/73BF/2", leeg).status()).isEqualTo(200);
        assertThat(operator().patch("/aanleverpunten/73BF/1", Map.of("bestuurNummer", "41102")).status()).isEqualTo(200);
        assertThat(operator().patch("/aanleverpunten/73BF/2", Map.of("bestuurNummer", "41102")).status()).isEqualTo(200);
        assertThat(operator().get("/besturen/41102").json().toString()).contains("73BF");
    }

    /**
     * A script that reads an aanleverpunt, waits and writes it back sends the ETag it read as If-Match: when another
     * changed the aanleverpunt meanwhile, its PUT or PATCH is 412 and changes nothing (it put old values back).
     */
    @Test
    void eenWijzigingOpOudeGegevensWordtGeweigerdMetIfMatch() {
        OperatorClient operator = operator();
        assertThat(operator.put("/aanleverpunten/73BH/1", aanleverpunt("eerst@73bh.example", "2026-09-07", 100, 10)).status()).isEqualTo(200);
        HttpResponse<String> gelezen = operator.ruw("GET", "/operator/aanleverpunten/73BH/1", null, null);
        String etag = gelezen.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{24}\"");

        // meanwhile another changes it (without If-Match, as before)
        assertThat(operator.patch("/aanleverpunten/73BH/1", Map.of("normLeerlingen", 120)).status()).isEqualTo(200);
        String nu = operator.ruw("GET", "/operator/aanleverpunten/73BH/1", null, null).headers().firstValue("ETag").orElseThrow();
        assertThat(nu).isNotEqualTo(etag);

        HttpResponse<String> oudPatch = operator.ruw("PATCH", "/operator/aanleverpunten/73BH/1", "application/merge-patch+json",
                "{\"gemachtigdeEmail\": \"later@73bh.example\"}", "If-Match", etag);
        assertThat(oudPatch.statusCode()).isEqualTo(412);
        assertThat(oudPatch.body()).contains("\"title\":\"Intussen gewijzigd\"");
        HttpResponse<String> oudPut = operator.ruw("PUT", "/operator/aanleverpunten/73BH/1", "application/json",
                "{\"gemachtigdeEmail\": \"later@73bh.example\", \"normLeerlingen\": 100}", "If-Match", etag);
        assertThat(oudPut.statusCode()).isEqualTo(412);
        assertThat(operator.get("/aanleverpunten/73BH/1").json().at("/gegevens/normLeerlingen").asInt()).isEqualTo(120);
        assertThat(operator.get("/aanleverpunten/73BH/1").json().at("/gegevens/gemachtigdeEmail").asText()).isEqualTo("eerst@73bh.example");

        // with the current mark it is taken, and the answer carries the new one
        HttpResponse<String> goed = operator.ruw("PATCH", "/operator/aanleverpunten/73BH/1", "application/merge-patch+json",
                "{\"gemachtigdeEmail\": \"later@73bh.example\"}", "If-Match", nu);
        assertThat(goed.statusCode()).isEqualTo(200);
        assertThat(goed.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(nu));
        assertThat(operator.get("/aanleverpunten/73BH/1").json().at("/gegevens/gemachtigdeEmail").asText()).isEqualTo("later@73bh.example");
        // If-Match names an existing one: it does not create
        assertThat(operator.ruw("PUT", "/operator/aanleverpunten/73BH/2", "application/json", "{\"normLeerlingen\": 5}", "If-Match", "*")
                .statusCode()).isEqualTo(412);
        assertThat(operator.get("/aanleverpunten/73BH/2").status()).isEqualTo(404);
    }

    /**
     * Two writes at once of one school's aanleverpunten: the second waits for the first to commit before it checks the
     * school's board, so it sees the first's (two PUTs at once, each making a new aanleverpunt with another board, were
     * both taken now and then, each check missing the other's row not yet committed). Here the first is held open on
     * purpose: a transaction of the test's own that holds the lock every write takes and sets a board without committing.
     */
    @Test
    void eenTweedeSchrijverWachtOpDeEersteEnZietZijnBestuur() throws Exception {
        assertThat(operator().put("/aanleverpunten/73BI/1", aanleverpunt("directie@73bi.example", "2026-09-07", 10, 1)).status()).isEqualTo(200);
        TransactionTemplate transactie = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        CountDownLatch vast = new CountDownLatch(1);
        CountDownLatch losLaten = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> eerste = pool.submit(() -> transactie.executeWithoutResult(status -> {
                jdbc.queryForList("select id from aanleverpunt_slot where id = 1 for update");
                jdbc.update("update aanleverpunt set bestuur_nummer = '41200' where brin = '73BI' and aanleverpuntnummer = '1'");
                vast.countDown();
                try {
                    losLaten.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(vast.await(30, TimeUnit.SECONDS)).isTrue();
            Map<String, Object> tweede = aanleverpunt("directie@73bi.example", "2026-09-07", 10, 1);
            tweede.put("bestuurNummer", "41201");
            Future<Integer> put = pool.submit(() -> operator().put("/aanleverpunten/73BI/2", tweede).status());
            // while the first holds the lock, the second does not decide (it would not see the first's board yet)
            // (a second, well within H2's wait for a lock of two)
            assertThatThrownBy(() -> put.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            losLaten.countDown();
            eerste.get(30, TimeUnit.SECONDS);
            // 400 naming the board it saw; 409 if a stalled machine kept it waiting past H2's two seconds: refused either way
            assertThat(put.get(60, TimeUnit.SECONDS)).isIn(400, 409);
            assertThat(operator().get("/aanleverpunten/73BI/2").status()).isEqualTo(404);
        } finally {
            losLaten.countDown();
            pool.shutdownNow();
        }
    }
}
