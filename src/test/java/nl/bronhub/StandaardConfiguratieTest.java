package nl.bronhub;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub on the operators' own files in config/ (reference register, aanleverpunt seed, GBA stub,
 * templates) and its embedded mail server, as `mvn spring-boot:run` starts it: the README's example
 * bericht registers without signals, and in week 4 of the seeded school's phase its gemachtigde's
 * mail can be read from the embedded server.
 */
class StandaardConfiguratieTest {

    @TempDir
    Path data;

    @Test
    void deStandaardConfiguratieWerktVanVoorbeeldberichtTotVoortgangsmail() throws Exception {
        int smtp;
        try (ServerSocket vrij = new ServerSocket(0)) {
            smtp = vrij.getLocalPort();
        }
        Map<String, Object> eigenschappen = new HashMap<>();
        eigenschappen.put("server.port", "0");
        eigenschappen.put("bron.operator.poort", "0");
        eigenschappen.put("bron.portaal.poort", "0");
        eigenschappen.put("bron.portaal.wachtwoordbrieven", data.resolve("portaal").toString());
        // certificates as at a newcomer's first start: made by the hub in its (here: empty) TLS directory
        Path tls = data.resolve("tls");
        eigenschappen.put("bron.tls.map", tls.toString());
        eigenschappen.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("bron-hub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        eigenschappen.put("bron.gba.mutaties.map", data.resolve("gba-mutaties").toString());
        eigenschappen.put("bron.mail.ingebouwd-poort", String.valueOf(smtp));
        eigenschappen.put("bron.mail.uri", "smtp://127.0.0.1:" + smtp + "?connectionTimeout=2000&contentType=text/html");
        eigenschappen.put("bron.klok.vast", "2026-09-29T09:00:00Z");
        eigenschappen.put("bron.voortgang.interval-ms", "300");
        eigenschappen.put("bron.voortgang.start-vertraging-ms", "0");
        // no operator password configured: the hub makes one at first start, as in a newcomer's run
        Path wachtwoordbestand = data.resolve("operator-wachtwoord");
        eigenschappen.put("bron.operator.wachtwoordbestand", wachtwoordbestand.toString());

        try (Hub hub = Hub.start(eigenschappen, () -> Pki.uitMap(tls, "las-00AA-1"))) {
            // the README's curl: the demo certificate the hub made for the seeded aanleverpunt 00AA/1
            LasClient las = new LasClient(hub.port(), "00AA", "1", Pki.uitMap(tls, "las-00AA-1"));
            String voorbeeld = Files.readString(Path.of("wsdl/voorbeelden/aanleveren.xml"));
            var antwoord = (AanleverenAntwoord) LasClient.lees(las.post(voorbeeld));
            assertThat(antwoord.getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
            Terugkoppeling t = HubTest.terugkoppelingVan(las, "voorbeeld-bericht-1");
            assertThat(t.getSignaal()).isEmpty();

            assertThat(Files.getPosixFilePermissions(wachtwoordbestand)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            for (String sleutel : List.of("ca.key", "hub.key", "las-00AA-1.key", "leverancier-voorbeeld.key")) {
                assertThat(Files.getPosixFilePermissions(tls.resolve(sleutel))).as(sleutel).containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
            OperatorClient operator = new OperatorClient(hub.operatorPoort(), "operator", Files.readString(wachtwoordbestand).trim(),
                    Pki.zonderCertificaat(tls));
            JsonNode mail = await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/mailserver/berichten").json(),
                    m -> m != null && m.size() > 0).get(0);
            assertThat(mail.get("aan").get(0).asText()).isEqualTo("directie@regenboog.example");
            // the seed's data in the operator's template, whatever its wording (VoortgangsmailTest reads the texts, on copies)
            assertThat(mail.get("onderwerp").asText()).isNotBlank();
            assertThat(mail.get("inhoud").asText()).contains("J. van der Directeur").contains("120");
            // the HTML part too, as the school's mail program shows it
            assertThat(mail.get("html").isTextual()).as("the HTML part").isTrue();
            assertThat(mail.get("html").asText()).contains("120");

            // the README's portal: the demo wachtwoordbrief opens 00AA's pages, whose GTB counts the example pupil
            Path brief = data.resolve("portaal/00AA.txt");
            assertThat(Files.getPosixFilePermissions(brief)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/scholen/00AA/gtb/01/2026-10-01").json().get("totaal").asInt() == 1);
            String portaal = "https://localhost:" + hub.portaalPoort() + "/portaal";
            HttpClient browser = ingelogd(tls, portaal, "00AA", Files.readString(brief).trim());
            String gtb = browser.send(HttpRequest.newBuilder(URI.create(portaal + "/00AA/gtb/01/2026-10-01")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(gtb).contains("GTB vestiging 00AA01, peildatum 1-10-2026").contains("<td id=\"totaal\">1</td>");

            // and the board's letter opens its dashboard, with 00AA's GTB total
            Path bestuursbrief = data.resolve("portaal/bestuur-40001.txt");
            assertThat(Files.getPosixFilePermissions(bestuursbrief)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String dashboard = ingelogd(tls, portaal, "40001", Files.readString(bestuursbrief).trim()).send(HttpRequest
                    .newBuilder(URI.create(portaal + "/40001")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(dashboard).contains("<bdi>Stichting Speciaal Onderwijs Regenboog</bdi> (bestuur 40001)").contains("id=\"school-00AA\"")
                    .doesNotContain("id=\"school-01BA\"");

            // a new letter from the operator removes the first-start file: it no longer holds the password
            assertThat(operator.post("/besturen/40001/portaalwachtwoord").status()).isEqualTo(200);
            assertThat(bestuursbrief).doesNotExist();
            assertThat(brief).exists();

            // a board no aanleverpunt names any more loses its account, and its first-start letter with it (a newcomer found
            // the file of a password that no longer signs in)
            Path andereBrief = data.resolve("portaal/bestuur-40002.txt");
            assertThat(andereBrief).exists();
            assertThat(operator.patch("/aanleverpunten/01BA/1", Map.of("bestuurNummer", "40001")).status()).isEqualTo(200);
            assertThat(andereBrief).doesNotExist();
        }
    }

    /** A client signed in to the portal through its form, as a browser would (the CSRF token of the sign-in page). */
    private static HttpClient ingelogd(Path tls, String portaal, String naam, String wachtwoord) throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(Pki.zonderCertificaat(tls).http().sslContext())
                .cookieHandler(new CookieManager()).build();
        String inlogpagina = browser.send(HttpRequest.newBuilder(URI.create(portaal + "/inloggen")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(inlogpagina);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        var ingelogd = browser.send(HttpRequest.newBuilder(URI.create(portaal + "/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("brin=" + naam + "&wachtwoord="
                        + URLEncoder.encode(wachtwoord, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ingelogd.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portaal"));
        return browser;
    }
}
