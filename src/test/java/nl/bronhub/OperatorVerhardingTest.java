package nl.bronhub;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLSocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.bronhub.portaal.PortaalKanaal;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.FoutenInLog;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import nl.bronhub.toegang.Certificaten;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile tester found at the operator door: unknown schools answered 200, page sizes were not
 * checked, bodies had no limit, a CA certificate could be registered, and the firewall's refusals echoed
 * the path in Spring's own JSON.
 */
class OperatorVerhardingTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private PortaalKanaal portaalKanaal;

    @Test
    void eenOnbekendeSchoolIsNietGevonden() throws Exception {
        OperatorClient operator = operator();
        HttpResponse<String> gtb = operator.ruw("GET", "/operator/scholen/99ZZ/gtb", null, null);
        assertProbleem(gtb, 404, "niet-gevonden", null);
        assertThat(detail(gtb)).isEqualTo("school 99ZZ bestaat niet");
        HttpResponse<String> geenBrin = operator.ruw("GET", "/operator/scholen/geenbrin/gtb", null, null);
        assertProbleem(geenBrin, 404, "niet-gevonden", null);
        assertThat(detail(geenBrin)).isEqualTo("school bestaat niet");
        assertThat(detail(operator.ruw("GET", "/operator/scholen/geenbrin", null, null))).isEqualTo("school bestaat niet");
        // a school the register of institutions knows, not yet connected: said so, not "does not exist"
        HttpResponse<String> nietAangesloten = operator.ruw("GET", "/operator/scholen/70CY", null, null);
        assertProbleem(nietAangesloten, 404, "niet-gevonden", null);
        assertThat(detail(nietAangesloten)).isEqualTo(
                "school 70CY staat in het register van instellingen maar heeft nog geen aanleverpunt (POST /operator/aanleverpunten)");
        assertThat(detail(operator.ruw("GET", "/operator/scholen/99ZZ", null, null))).isEqualTo("school 99ZZ bestaat niet");

        assertProbleem(operator.ruw("GET", "/operator/scholen/99ZZ/gtb/01/2025-10-01", null, null), 404, "niet-gevonden", null);
        HttpResponse<String> vestiging = operator.ruw("GET", "/operator/scholen/75AA/gtb/77/2025-10-01", null, null);
        assertProbleem(vestiging, 404, "niet-gevonden", null);
        assertThat(detail(vestiging)).isEqualTo("vestiging 77 van school 75AA bestaat niet");
        assertThat(detail(operator.ruw("GET", "/operator/scholen/75AA/gtb/geenvestiging/2025-10-01", null, null)))
                .isEqualTo("vestiging bestaat niet");
        assertThat(operator.ruw("GET", "/operator/scholen/75AA/gtb/01/2025-10-01", null, null).statusCode()).isEqualTo(200);
        // a date between peildata has no GTB, not one of zeros
        HttpResponse<String> geenPeildatum = operator.ruw("GET", "/operator/scholen/75AA/gtb/01/2025-10-02", null, null);
        assertProbleem(geenPeildatum, 404, "niet-gevonden", null);
        assertThat(detail(geenPeildatum)).isEqualTo(
                "een GTB van school 75AA op 2025-10-02 (geen peildatum in de schooljaren die de GTB beslaat) bestaat niet");
        // a peildatum years ahead (or before the covered school years) has no GTB either, not one of zeros
        for (String ver : List.of("2099-10-01", "2015-10-01", "-999999999-01-01", "0000-10-01", "-2026-10-01", "+12026-10-01")) {
            HttpResponse<String> buiten = operator.ruw("GET", "/operator/scholen/75AA/gtb/01/" + ver, null, null);
            assertProbleem(buiten, 404, "niet-gevonden", null);
            assertThat(detail(buiten)).contains("geen peildatum in de schooljaren die de GTB beslaat");
        }
        assertThat(operator.ruw("GET", "/operator/scholen/75AA/gtb", null, null).statusCode()).isEqualTo(200);

        assertProbleem(operator.ruw("GET", "/operator/scholen/99ZZ/ab-vergelijking", null, null), 404, "niet-gevonden", null);
        assertThat(operator.ruw("GET", "/operator/scholen/75AA/ab-vergelijking", null, null).statusCode()).isEqualTo(200);
        assertProbleem(operator.ruw("PUT", "/operator/scholen/99ZZ/verzuim", "application/json", "[]"), 404, "niet-gevonden", null);
        assertProbleem(operator.ruw("PUT", "/operator/scholen/99ZZ/ab-opgave", "application/json", "[]"), 404, "niet-gevonden", null);
    }

    /** A mistyped BRIN-nummer makes no aanleverpunt, mandate or certificate holder of a school BRON PO does not have. */
    @Test
    void eenVerkeerdBrinMaaktNiets() throws Exception {
        OperatorClient operator = operator();
        // a secondary school: an aanleverpunt would be in the connection phase, with mails
        HttpResponse<String> vo = operator.ruw("PUT", "/operator/aanleverpunten/71VO/1", "application/json", "{\"las\":\"Esis\"}");
        assertProbleem(vo, 400, "ongeldige-invoer", "brin");
        assertThat(detail(vo)).contains("geen instelling van BRON PO");
        assertThat(operator.ruw("GET", "/operator/aanleverpunten/71VO/1", null, null).statusCode()).isEqualTo(404);
        // a closed school keeps an aanleverpunt for its corrections, but no connection phase (no letter, no mails)
        HttpResponse<String> opgeheven = operator.ruw("PUT", "/operator/aanleverpunten/71XA/3", "application/json",
                "{\"las\":\"Esis\",\"wachtwoordbriefDatum\":\"2026-10-05\"}");
        assertProbleem(opgeheven, 400, "ongeldige-invoer", "wachtwoordbriefDatum");
        assertThat(operator.ruw("GET", "/operator/aanleverpunten/71XA/3", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> mandaat = operator.ruw("PUT", "/operator/mandaten/99ZY/typfout", null, null);
        assertProbleem(mandaat, 400, "ongeldige-invoer", "brin");
        assertThat(operator.get("/mandaten?brin=99ZY").json().size()).isZero();
        HttpResponse<String> certificaat = operator.ruw("POST", "/operator/certificaten?brin=99ZY&aanleverpuntnummer=1", "text/plain",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        assertProbleem(certificaat, 400, "ongeldige-invoer", "brin");
    }

    /** Two first creations of one afnemer at once: the one that loses hears 409, not a 500 with a stack trace in the log. */
    @Test
    void tienGelijktijdigeAanmaakverzoekenGevenGeen500() throws Exception {
        OperatorClient operator = operator();
        String code = "tegelijk-" + Berichten.uniekeLetters();
        try (FoutenInLog log = FoutenInLog.open()) {
            ExecutorService tien = Executors.newFixedThreadPool(10);
            try {
                List<Future<HttpResponse<String>>> antwoorden = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    antwoorden.add(tien.submit(() -> operator.ruw("PUT", "/operator/afnemers/" + code, "application/json",
                            "{\"naam\":\"Gelijktijdig\",\"leveringen\":[\"gtb\"]}")));
                }
                for (Future<HttpResponse<String>> a : antwoorden) {
                    HttpResponse<String> antwoord = a.get();
                    assertThat(antwoord.statusCode()).as(antwoord.body()).isIn(200, 409);
                    if (antwoord.statusCode() == 409) {
                        assertProbleem(antwoord, 409, "conflict", null);
                    }
                }
            } finally {
                tien.shutdown();
            }
            assertThat(log.neem()).isEmpty();
        }
        assertThat(operator.get("/afnemers/" + code).status()).isEqualTo(200);
    }

    /** The user name is as configured, in its case too (Spring's in-memory store took "OPERATOR" for "operator"). */
    @Test
    void deGebruikersnaamTeltMetHoofdletters() throws Exception {
        for (String naam : List.of("OPERATOR", "Operator", "operator ")) {
            HttpResponse<String> a = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/aanleverpunten"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((naam + ":" + OperatorClient.WACHTWOORD).getBytes()))
                    .GET());
            assertProbleem(a, 401, "niet-ingelogd", null);
        }
        HttpResponse<String> goed = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/aanleverpunten"))
                .header("Authorization", inlog()).GET());
        assertThat(goed.statusCode()).isEqualTo(200);
        // twice: the password of the one operator is not erased by the first sign-in
        assertThat(verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/aanleverpunten"))
                .header("Authorization", inlog()).GET()).statusCode()).isEqualTo(200);
    }

    /** TRACE and a made-up method: 405 in the API's shape, without Tomcat's Allow list (not this address's methods). */
    @Test
    void eenMethodeDieNergensKanIs405() throws Exception {
        for (String methode : List.of("TRACE", "FOO")) {
            HttpResponse<String> a = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/aanleverpunten/75AA/1"))
                    .header("Authorization", inlog()).method(methode, HttpRequest.BodyPublishers.noBody()));
            assertProbleem(a, 405, "methode-niet-toegestaan", null);
            assertThat(a.headers().firstValue("Allow")).as(methode).isEmpty();
        }
    }

    @Test
    void eenPaginagrootteBuitenBereikWordtGeweigerd() throws Exception {
        OperatorClient operator = operator();
        for (String pad : List.of("/operator/audit", "/operator/geparkeerd")) {
            for (String aantal : List.of("0", "-5", "1001")) {
                HttpResponse<String> a = operator.ruw("GET", pad + "?aantal=" + aantal, null, null);
                assertProbleem(a, 400, "ongeldige-invoer", "aantal");
                assertThat(detail(a)).isEqualTo("aantal moet tussen 1 en 1000 liggen");
            }
            // which of two would count? neither: the operator is told to give it once
            HttpResponse<String> tweemaal = operator.ruw("GET", pad + "?aantal=1&aantal=1000", null, null);
            assertProbleem(tweemaal, 400, "ongeldige-invoer", null);
            assertThat(detail(tweemaal)).startsWith("aantal: een parameter staat meer dan eens");
            assertThat(detail(operator.ruw("GET", pad + "?999993847=1&999993847=2", null, null))).doesNotContain("999993847");
            assertThat(operator.ruw("GET", pad + "?aantal=1000", null, null).statusCode()).isEqualTo(200);
            assertThat(operator.ruw("GET", pad + "?aantal=1", null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eenTeGroteBodyWordtGeweigerd() throws Exception {
        String groot = "a".repeat(1048576 + 10);
        HttpResponse<String> lengte = operator().ruw("POST", "/operator/certificaten", "text/plain", groot);
        assertProbleem(lengte, 413, "te-groot", null);
        assertThat(lengte.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // without a Content-Length (chunked): refused once more than the limit has come in
        HttpResponse<String> chunked = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/certificaten"))
                .header("Content-Type", "text/plain").header("Authorization", inlog())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(groot.getBytes()))));
        assertProbleem(chunked, 413, "te-groot", null);

        // a small chunked body is read as usual
        HttpResponse<String> klein = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/scholen/99ZZ/verzuim"))
                .header("Content-Type", "application/json").header("Authorization", inlog())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("[]".getBytes()))));
        assertProbleem(klein, 404, "niet-gevonden", null);
        HttpResponse<String> kapot = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/operator/scholen/75AA/verzuim"))
                .header("Content-Type", "application/json").header("Authorization", inlog())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("[{\"x\": ".getBytes()))));
        assertThat(kapot.statusCode()).as(kapot.body()).isEqualTo(400);
        assertThat(JSON.readTree(kapot.body()).get("type").asText()).isEqualTo("urn:bron-hub:probleem:onleesbare-invoer");
    }

    @Test
    void eenCaOfServercertificaatWordtNietGeregistreerd() throws Exception {
        OperatorClient operator = operator();
        HttpResponse<String> ca = operator.ruw("POST", "/operator/certificaten", "application/json", JSON.writeValueAsString(
                Map.of("certificaat", Certificaten.pem(Pki.ca().certificaat()), "brin", "75AA", "aanleverpuntnummer", "1")));
        assertProbleem(ca, 400, "ongeldige-invoer", "certificaat");
        assertThat(detail(ca)).contains("CA");

        Instant nu = Instant.now();
        Certificaten.Sleutelpaar server = Certificaten.maakServer(Pki.ca(), "CN=serverhardening,O=bron-hub test", List.of("localhost"),
                nu.minus(Duration.ofHours(1)), nu.plus(Duration.ofDays(30)));
        HttpResponse<String> serverAuth = operator.ruw("POST", "/operator/certificaten?brin=75AA&aanleverpuntnummer=1", "application/x-pem-file",
                Certificaten.pem(server.certificaat()));
        assertProbleem(serverAuth, 400, "ongeldige-invoer", "certificaat");
        assertThat(detail(serverAuth)).contains("clientAuth");
        assertThat(operator.get("/certificaten").json().toString()).doesNotContain("serverhardening");
    }

    /**
     * A body Tomcat cannot read (a malformed chunk size, a chunk shorter than it said) is problem details with the door's
     * headers, as every refusal here: it was Spring's own error JSON (a hostile look, 7 December).
     */
    @Test
    void eenOnleesbaarLichaamIsEenProbleem() throws Exception {
        for (String stukken : List.of("ZZ\r\nabc\r\n0\r\n\r\n", "5\r\nabc\r\n0\r\n\r\n")) {
            for (String verzoek : List.of("GET /operator/systeem", "PUT /operator/planning")) {
                String antwoord;
                try (SSLSocket s = (SSLSocket) Pki.zonderCertificaat().http().sslContext().getSocketFactory().createSocket("localhost", operatorPoort())) {
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write((verzoek + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + inlog()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + stukken)
                            .getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    antwoord = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(antwoord).as(verzoek + " " + stukken).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                        .contains("urn:bron-hub:probleem:onleesbaar-verzoek").contains("X-Content-Type-Options: nosniff")
                        .doesNotContain("timestamp");
            }
        }
    }

    /** One request line over TLS, as written (no client would send it), and the whole answer. */
    private static String rauw(int poort, String regel) throws Exception {
        try (SSLSocket s = (SSLSocket) Pki.zonderCertificaat().http().sslContext().getSocketFactory().createSocket("localhost", poort)) {
            s.getOutputStream().write((regel + "\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void deFirewallWeigertZonderHetPadTeHerhalen() throws Exception {
        for (String pad : List.of("/operator/%2e%2e/audit", "/operator/audit;geheim=1", "/operator/audit%0d%0ageheim",
                "/operator/../operator/audit", "/operator/audit%0ageheim")) {
            HttpResponse<String> a = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + pad))
                    .header("Authorization", inlog()).GET());
            assertProbleem(a, 400, "ongeldig-adres", null);
            assertThat(a.body()).as(pad).doesNotContain("geheim").doesNotContain("operator").doesNotContain("timestamp");
            assertThat(a.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(a.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }

        // what Tomcat refuses before the firewall sees it (an encoded slash or backslash, a NUL): problem details too
        for (String pad : List.of("/operator/scholen/75AA%2Fgeheim", "/operator/scholen/75AA%5cgeheim", "/operator/scholen/75AA%00geheim")) {
            HttpResponse<String> a = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + pad))
                    .header("Authorization", inlog()).GET());
            assertProbleem(a, 400, "onleesbaar-verzoek", null);
            assertThat(a.body()).as(pad).doesNotContain("geheim").doesNotContain("Tomcat");
            assertThat(a.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        // a request line that names no /operator path (CONNECT, a control byte): at this door problem details all the same,
        // and CONNECT as the sender's doing (501), not the hub's fault
        for (String regel : List.of("CONNECT geheim.example:443 HTTP/1.1", "GET /geheim\u0001 HTTP/1.1")) {
            String antwoord = rauw(operatorPoort(), regel);
            assertThat(antwoord).as(regel).contains("Content-Type: application/problem+json").contains("X-Content-Type-Options: nosniff")
                    .doesNotContain("geheim").doesNotContain("interne-fout");
            assertThat(antwoord).as(regel).startsWith(regel.startsWith("CONNECT") ? "HTTP/1.1 501" : "HTTP/1.1 400")
                    .contains(regel.startsWith("CONNECT") ? "methode-niet-ondersteund" : "onleesbaar-verzoek");
        }
        // the portal door: no problem details for a CONNECT (the afnemers' API shares it, and CONNECT names no path)
        assertThat(rauw(portaalKanaal.poort(), "CONNECT geheim.example:443 HTTP/1.1")).startsWith("HTTP/1.1 501")
                .doesNotContain("problem").doesNotContain("geheim");

        // the portal door: its own page, not the operator's problem details, and not the path either
        HttpResponse<String> portaal = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + "/portaal/%2e%2e/geheim"))
                .header("Accept", "text/html").GET());
        assertThat(portaal.statusCode()).isEqualTo(400);
        assertThat(portaal.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem");
        assertThat(portaal.body()).doesNotContain("urn:bron-hub:probleem").doesNotContain("geheim").contains("Verzoek niet verwerkt");
        // with the headers of every portal page: the firewall refuses before Spring Security writes them
        assertThat(portaal.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
        assertThat(portaal.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(portaal.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> portaalJson = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + "/portaal/%2e%2e/geheim"))
                .header("Accept", "application/json").GET());
        assertThat(portaalJson.statusCode()).isEqualTo(400);
        assertThat(portaalJson.body()).as(portaalJson.body()).doesNotContain("geheim").doesNotContain("urn:bron-hub:probleem");
        // a client that does not ask for HTML gets the door's short Dutch page, with the helpdesk and the same headers (a
        // hostile school found the headers missing, and then the page: the body was empty)
        for (String pad : List.of("/portaal/%2e%2e/geheim", "/portaal//geheim", "/portaal/70BK;geheim=1")) {
            HttpResponse<String> leeg = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + pad)).GET());
            assertThat(leeg.statusCode()).as(pad).isEqualTo(400);
            assertThat(leeg.body()).as(pad).contains("lang=\"nl\"").contains("Dit verzoek kan Mijn BRON niet lezen")
                    .contains("id=\"helpdesk\"").doesNotContain("geheim");
            assertThat(leeg.headers().firstValue("Content-Security-Policy").orElse("")).as(pad).startsWith("default-src 'none'");
            assertThat(leeg.headers().firstValue("X-Frame-Options")).as(pad).contains("DENY");
            assertThat(leeg.headers().firstValue("Strict-Transport-Security")).as(pad).isPresent();
            assertThat(leeg.headers().firstValue("Cache-Control").orElse("")).as(pad).contains("no-store");
        }
    }

    /**
     * Each door answers an address outside its part in its own way: the portal's start for a person who types the
     * host alone (or /portal), a short Dutch page with the portal's stylesheet for anything else there; problem details
     * at the operator door.
     */
    @Test
    void elkeDeurZegtInZijnEigenTaalDatEenAdresNietBestaat() throws Exception {
        for (String pad : List.of("/", "/portal")) {
            HttpResponse<String> start = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + pad)).GET());
            assertThat(start.statusCode()).as(pad).isEqualTo(302);
            assertThat(start.headers().firstValue("Location")).as(pad).hasValueSatisfying(l -> assertThat(l).endsWith("/portaal"));
            assertThat(start.headers().firstValue("Strict-Transport-Security")).as(pad).isPresent();
        }
        HttpResponse<String> onbekend = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + "/onbekend/geheim"))
                .header("Accept", "text/html").GET());
        assertThat(onbekend.statusCode()).isEqualTo(404);
        assertThat(onbekend.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("text/html"));
        assertThat(onbekend.body()).contains("Pagina niet gevonden").contains("href=\"/portaal/stijl.css\"").contains("href=\"/portaal\"")
                .doesNotContain("geheim");
        // as every portal page: the helpdesk at its foot, and the portal's headers (a hostile school found both missing here)
        assertThat(onbekend.body()).contains("id=\"helpdesk\"").contains("Voor vragen over Mijn BRON");
        assertThat(onbekend.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
        assertThat(onbekend.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(onbekend.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(onbekend.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        HttpResponse<String> stijl = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + "/portaal/stijl.css")).GET());
        assertThat(stijl.statusCode()).as("the page's stylesheet is served").isEqualTo(200);

        assertProbleem(verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/portaal/geheim")).header("Authorization", inlog())
                .GET()), 404, "niet-gevonden", null);

        // Spring's error page is no address: asked for directly it answered 500 with the Whitelabel page, signed in or not
        for (String methode : List.of("GET", "POST", "DELETE")) {
            HttpResponse<String> fout = verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/error"))
                    .header("Accept", "text/html").method(methode, HttpRequest.BodyPublishers.noBody()));
            assertProbleem(fout, 404, "niet-gevonden", null);
            assertThat(fout.body()).doesNotContain("Whitelabel");
            assertProbleem(verstuur(HttpRequest.newBuilder(URI.create(basis(operatorPoort()) + "/error")).header("Authorization", inlog())
                    .method(methode, HttpRequest.BodyPublishers.noBody())), 404, "niet-gevonden", null);
        }
        HttpResponse<String> portaalFout = verstuur(HttpRequest.newBuilder(URI.create(basis(portaalKanaal.poort()) + "/error")).GET());
        assertThat(portaalFout.statusCode()).isEqualTo(404);
        assertThat(portaalFout.body()).contains("Pagina niet gevonden").doesNotContain("Whitelabel");
    }

    private static String basis(int poort) {
        return "https://localhost:" + poort;
    }

    private static String inlog() {
        return "Basic " + Base64.getEncoder().encodeToString(("operator:" + OperatorClient.WACHTWOORD).getBytes());
    }

    private static HttpResponse<String> verstuur(HttpRequest.Builder verzoek) throws Exception {
        return Pki.zonderCertificaat().http().send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProbleem(HttpResponse<String> antwoord, int status, String type, String veld) throws Exception {
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(status);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(antwoord.body());
        assertThat(p.get("type").asText()).isEqualTo("urn:bron-hub:probleem:" + type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        if (veld == null) {
            assertThat(p.has("veld")).as(antwoord.body()).isFalse();
        } else {
            assertThat(p.path("veld").asText()).as(antwoord.body()).isEqualTo(veld);
        }
        assertThat(antwoord.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String detail(HttpResponse<String> antwoord) throws Exception {
        return JSON.readTree(antwoord.body()).get("detail").asText();
    }
}
