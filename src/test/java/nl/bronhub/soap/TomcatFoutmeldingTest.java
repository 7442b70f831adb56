package nl.bronhub.soap;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.ConfigLezer;
import nl.bronhub.Probleem;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.signaal.SignaalEigenschappen;
import nl.bronhub.support.Hub;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat answers by itself on the LAS door, on a real Tomcat with the hub's report valve: a request it
 * cannot read is the sender's fault (360); a request that comes while the application is stopped (a LAS's
 * kept-alive connection during a stop) is not, and gets 358, send again. CrashIT once saw that 360.
 */
class TomcatFoutmeldingTest {

    private static final SignaalCatalogus CATALOGUS = new SignaalCatalogus(new SignaalEigenschappen(Hub.SIGNALEN), new ConfigLezer(), null);

    @TempDir
    Path basis;

    private Tomcat tomcat;
    private Context toepassing;
    private int poort;
    /** A second connector, as the hub adds the operator's and the portal's doors beside the LAS door: this one the operator's. */
    private int anderePoort;
    /** A third, as the portal's. */
    private int derdePoort;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(basis.resolve("tomcat")).toString());
        tomcat.setPort(0);
        toepassing = tomcat.addContext("", basis.toString());
        Tomcat.addServlet(toepassing, "las", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/xml;charset=UTF-8");
                resp.getWriter().write("<antwoord/>");
            }
        });
        toepassing.addServletMappingDecoded("/*", "las");
        // the second connector answers as the operator's door does (OperatorTomcatAntwoord)
        TomcatFoutmelding.installeer(toepassing, CATALOGUS, () -> List.of((verzoek, antwoord, status, type, titel, tekst) -> {
            if (verzoek.getLocalPort() != anderePoort) {
                return false;
            }
            Probleem.schrijf(antwoord, status, type, titel, tekst);
            return true;
        }));
        tomcat.getConnector();
        Connector ander = new Connector();
        ander.setPort(0);
        tomcat.getService().addConnector(ander);
        Connector derde = new Connector();
        derde.setPort(0);
        tomcat.getService().addConnector(derde);
        tomcat.start();
        poort = tomcat.getConnector().getLocalPort();
        anderePoort = ander.getLocalPort();
        derdePoort = derde.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void eenVerzoekTerwijlDeToepassingGestoptIsKrijgt358() throws Exception {
        assertThat(post("/services/uitwisseling/v1").body()).isEqualTo("<antwoord/>");

        toepassing.stop();

        HttpResponse<String> antwoord = post("/services/uitwisseling/v1");
        assertThat(antwoord.statusCode()).isEqualTo(500);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(antwoord.body()).contains("<faultcode>soap:Server</faultcode>").contains(">358<").doesNotContain(">360<");
    }

    @Test
    void elkeAndereDeurZegtDatDeHubStartOfStopt() throws Exception {
        toepassing.stop();

        HttpResponse<String> portaal = post(anderePoort, "/portaal/inloggen");
        assertThat(portaal.statusCode()).isEqualTo(503);
        assertThat(portaal.body()).isEqualTo("De hub start of stopt; probeer het zo opnieuw.\n");
        // the JSON doors in their own shape
        HttpResponse<String> operator = post(anderePoort, "/operator/berichten");
        assertThat(operator.statusCode()).isEqualTo(503);
        assertThat(operator.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(operator.body()).contains("urn:bron-hub:probleem:niet-beschikbaar").contains("de hub start of stopt");
        // at the LAS door whatever the path
        assertThat(post("/operator/berichten").body()).contains(">358<");
    }

    @Test
    void eenOnleesbaarVerzoekBlijft360TerwijlDeToepassingDraait() throws Exception {
        // a request line Tomcat cannot parse: no path, so no application maps it, yet the application runs
        String antwoord;
        try (Socket s = new Socket("localhost", poort)) {
            s.getOutputStream().write("POST /services/uitwisseling/v1 HTTP/1.1\r\nHost: x\r\nKapot\u0001: ja\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            antwoord = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(antwoord).startsWith("HTTP/1.1 500").contains(">360<").doesNotContain(">358<");
    }

    /** CONNECT (Tomcat answers 501) and an HTTP version it does not speak (505) are the sender's doing: 360, not 358. */
    @Test
    void eenMethodeOfVersieDieTomcatNietKentIs360() throws Exception {
        for (String regel : List.of("CONNECT /services/uitwisseling/v1 HTTP/1.1", "POST /services/uitwisseling/v1 HTTP/2.5")) {
            String antwoord;
            try (Socket s = new Socket("localhost", poort)) {
                s.getOutputStream().write((regel + "\r\nHost: x\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                antwoord = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(antwoord).as(regel).startsWith("HTTP/1.1 500").contains(">360<").contains("HTTP-methode of -versie")
                    .doesNotContain(">358<");
        }
    }

    /**
     * At the operator's door every answer is problem details, also to a request line that names no /operator path (CONNECT,
     * a control byte); CONNECT is the sender's doing there too (501 'methode-niet-ondersteund'), never 'interne fout'.
     */
    @Test
    void deOperatorDeurAntwoordtOokZonderPadMetProbleemdetails() throws Exception {
        for (String regel : List.of("CONNECT example.org:443 HTTP/1.1", "GET /a\u0001b HTTP/1.1")) {
            String antwoord = rauw(anderePoort, regel);
            assertThat(antwoord).as(regel).contains("Content-Type: application/problem+json");
            if (regel.startsWith("CONNECT")) {
                assertThat(antwoord).as(regel).startsWith("HTTP/1.1 501").contains("urn:bron-hub:probleem:methode-niet-ondersteund");
            } else {
                assertThat(antwoord).as(regel).startsWith("HTTP/1.1 400").contains("urn:bron-hub:probleem:onleesbaar-verzoek");
            }
            assertThat(antwoord).as(regel).doesNotContain("example.org").doesNotContain("interne-fout");
        }
        // another door: the short text, and CONNECT is not called the hub's fault there either
        String portaal = rauw(derdePoort, "CONNECT example.org:443 HTTP/1.1");
        assertThat(portaal).startsWith("HTTP/1.1 501").contains("Deze HTTP-methode of -versie neemt de hub niet aan (HTTP 501).")
                .doesNotContain("example.org");
    }

    private static String rauw(int poort, String regel) throws Exception {
        try (Socket s = new Socket("localhost", poort)) {
            s.getOutputStream().write((regel + "\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String pad) throws Exception {
        return post(poort, pad);
    }

    private static HttpResponse<String> post(int poort, String pad) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
