package nl.bronhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import java.util.function.Supplier;
import nl.bronhub.BronHubApplication;
import nl.bronhub.HubKlok;
import nl.bronhub.operator.OperatorKanaal;
import nl.bronhub.portaal.PortaalKanaal;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * A whole hub started and stopped by a test, on a database directory of the test's choosing, so a
 * test can restart it on the same data or start it with edited route files.
 */
public final class Hub implements AutoCloseable {

    /** Properties every test hub shares: a random port and a fixed, known 'today'. */
    public static final String VANDAAG = "2026-11-02";
    /** The institutions the tests deliver for (test data, beside the operator's config/referentie). */
    public static final String REFERENTIE = "src/test/resources/referentie/instellingen.yaml";
    /** The GBA stub persons (a copy of the operator's config/gba/personen.yaml), and the extra ones the tests need. */
    public static final String GBA = "src/test/resources/gba/personen.yaml,src/test/resources/gba/personen-extra.yaml";
    /** The signal catalogues the tests read: copies of config/signalen.yaml and config/gtb-signalen.yaml as shipped. */
    public static final String SIGNALEN = "src/test/resources/signalen.yaml";
    public static final String GTB_SIGNALEN = "src/test/resources/gtb-signalen.yaml";
    public static final String AANLEVERPUNTEN = "src/test/resources/aanleverpunten.yaml";
    /** The mail templates the tests read (copies of config/mail as shipped). */
    public static final String SJABLONEN = "src/test/resources/mail";

    /** The certificate the tests' LAS clients show, unless a test chooses another. */
    public static final Supplier<Pki.Identiteit> STANDAARD_LAS = () -> Pki.client("proef-las leverancier");

    /** The LAS vendor the tests' LAS clients belong to (leverancier in the certificate register). */
    public static final String STANDAARD_LEVERANCIER = "proef-las";

    /**
     * As an operator would set it up: the tests' vendor certificate registered, the school's mandate for
     * that vendor, and the aanleverpunt in the register (all idempotent; registry data already there is
     * kept), so a LAS client of the school is let in for that aanleverpunt.
     */
    public static void gemachtigd(OperatorClient operator, String brin, String aanleverpuntnummer) {
        var certificaat = operator.post("/certificaten", Map.of("certificaat", Pki.pem(STANDAARD_LAS.get()), "leverancier", STANDAARD_LEVERANCIER));
        var mandaat = operator.put("/mandaten/" + brin + "/" + STANDAARD_LEVERANCIER, "");
        if (certificaat.status() != 200 || mandaat.status() != 200) {
            throw new IllegalStateException("registering the tests' vendor for " + brin + ": " + certificaat + " " + mandaat);
        }
        String pad = "/aanleverpunten/" + brin + "/" + aanleverpuntnummer;
        if (operator.get(pad).status() == 404) {
            var geregistreerd = operator.put(pad, "{}");
            if (geregistreerd.status() != 200) {
                throw new IllegalStateException("registering " + brin + "/" + aanleverpuntnummer + ": " + geregistreerd);
            }
        }
    }

    public static Map<String, Object> testEigenschappen(Path dataMap) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("bron.operator.poort", "0");
        p.put("bron.portaal.poort", "0");
        p.put("bron.portaal.wachtwoordbrieven", "");
        // the tests sign in wrongly from one address, for many names and in many classes that share a hub: the lock per
        // address across names would hold back the next class's right password (PortaalAdresBlokkadeTest tests it)
        p.put("bron.portaal.max-mislukt-per-adres", "100000");
        p.put("bron.tls.map", Pki.MAP.toString());
        p.putAll(Databank.nieuwe(dataMap));
        p.put("bron.klok.vast", VANDAAG + "T09:00:00Z");
        p.put("bron.verwerking.interval-ms", "50");
        p.put("bron.gtb.interval-ms", "100");
        p.put("bron.gtb.start-vertraging-ms", "100");
        p.put("bron.operator.wachtwoord", OperatorClient.WACHTWOORD);
        p.put("bron.referentie.instellingen", REFERENTIE);
        p.put("bron.gba.stub.bestanden", GBA);
        p.put("bron.aanleverpunten.bestand", AANLEVERPUNTEN);
        p.put("bron.mail.ingebouwd", "false");
        // no mail server at all unless a test brings its own: the default port is the demo hub's embedded one, and a
        // developer's running demo received the tests' mails (a newcomer found them in its inbox)
        p.put("bron.mail.ingebouwd-poort", "1");
        // the certificate reminders would add mails to every test that moves the clock; PortaalTest turns them on
        p.put("bron.certificaat.herinneren", "false");
        // test copies of config/mail: an operator's edit of the real templates cannot break the build
        p.put("bron.voortgang.sjablonen", SJABLONEN);
        p.put("bron.signalen.bestand", SIGNALEN);
        p.put("bron.gtb.signalen", GTB_SIGNALEN);
        p.put("bron.toegang.bestand", "src/test/resources/toegang.yaml");
        p.put("bron.gba.mutaties.map", dataMap.toAbsolutePath().resolve("gba-mutaties").toString());
        p.put("bron.gtb.ab-opgaven.map", dataMap.toAbsolutePath().resolve("ab-opgaven").toString());
        // a test's file without a line ending after its last line is read after 3 s, not a minute
        p.put("bron.afleverbestanden.regeleinde-wachten", "3s");
        return p;
    }

    /** For a hub of a test's own with a real SMTP server: the voortgangsmail route from the start, every 200 ms. */
    public static Map<String, Object> testEigenschappen(Path dataMap, Mailserver smtp) {
        Map<String, Object> p = testEigenschappen(dataMap);
        p.put("bron.mail.uri", smtp.uri());
        p.put("bron.voortgang.interval-ms", "200");
        p.put("bron.voortgang.start-vertraging-ms", "0");
        return p;
    }

    private final ConfigurableApplicationContext context;

    private Hub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Hub start(Map<String, Object> eigenschappen) {
        return start(eigenschappen, STANDAARD_LAS);
    }

    /** Starts a hub, and waits until {@code identiteit} (asked once the hub made its certificates) can read its WSDL. */
    public static Hub start(Map<String, Object> eigenschappen, Supplier<Pki.Identiteit> identiteit) {
        // as arguments, not builder properties: those are defaults that config/application.yaml overrides
        String[] argumenten = eigenschappen.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Hub hub = new Hub(new SpringApplicationBuilder(BronHubApplication.class).run(argumenten));
        wachtTotKlaar(hub.port(), identiteit.get());
        return hub;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public LasClient las(String brin, String aanleverpuntnummer) {
        gemachtigd(operator(), brin, aanleverpuntnummer);
        return new LasClient(port(), brin, aanleverpuntnummer, STANDAARD_LAS.get());
    }

    public int portaalPoort() {
        return context.getBean(PortaalKanaal.class).poort();
    }

    public int operatorPoort() {
        return context.getBean(OperatorKanaal.class).poort();
    }

    /** The hub's clock, which a test moves through the weeks of a connection phase. */
    public HubKlok klok() {
        return context.getBean(HubKlok.class);
    }

    public OperatorClient operator() {
        return new OperatorClient(operatorPoort());
    }

    /** One of the hub's beans, for a test that goes past what the doors offer (a request the page no longer shows). */
    public <T> T bean(Class<T> soort) {
        return context.getBean(soort);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Tomcat accepts connections shortly before the Camel routes behind it are live. */
    public void wachtTotKlaar() {
        wachtTotKlaar(port());
    }

    public static void wachtTotKlaar(int port) {
        wachtTotKlaar(port, STANDAARD_LAS.get());
    }

    public static void wachtTotKlaar(int port, Pki.Identiteit identiteit) {
        wachtTotKlaar(port, identiteit, Duration.ofSeconds(30));
    }

    public static void wachtTotKlaar(int port, Pki.Identiteit identiteit, Duration maximaal) {
        HttpClient http = identiteit.http();
        await().atMost(maximaal).ignoreExceptions().until(() -> {
            var r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/services/uitwisseling/v1?wsdl")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("aanleveren");
        });
    }

    @Override
    public void close() {
        context.close();
    }
}
