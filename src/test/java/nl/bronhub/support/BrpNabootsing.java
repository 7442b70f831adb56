package nl.bronhub.support;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import javax.net.ssl.SSLContext;
import nl.bronhub.toegang.Certificaten;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The Haal Centraal BRP Personen API (v2) as a WireMock server over HTTPS, with a certificate of its own test CA
 * (ca.crt in its directory, for the hub's SSL bundle). It serves the API's documented answers: the files under
 * src/test/resources/brp/, or persons in the shape the API gives them, and problem details for the errors.
 * WireMock's own log is silenced: its 'request not matched' report would print the request body (a BSN).
 */
public final class BrpNabootsing implements AutoCloseable {

    public static final String API_SLEUTEL = "proef-sleutel-brp";
    public static final String PAD = "/haalcentraal/api/brp/personen";
    private static final String WACHTWOORD = "wiremock-proef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path map;
    private WireMockServer server;
    private int poort;

    private BrpNabootsing(Path map, int poort) {
        this.map = map;
        start(poort);
    }

    /** A new mock on a free port, its certificates in a fresh directory under target/test-data. */
    public static BrpNabootsing start() {
        try {
            Path map = Files.createDirectories(Path.of("target/test-data", "brp-" + Berichten.uniekeLetters()));
            Instant nu = Instant.now();
            Certificaten.Sleutelpaar ca = Certificaten.maakCa("CN=BRP proef-CA", nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(30)));
            Certificaten.Sleutelpaar server = Certificaten.maakServer(ca, "CN=brp.proef", List.of("localhost", "127.0.0.1"),
                    nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(30)));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("brp", server.sleutel(), WACHTWOORD.toCharArray(), new Certificate[] {server.certificaat(), ca.certificaat()});
            try (OutputStream uit = Files.newOutputStream(map.resolve("server.p12"))) {
                ks.store(uit, WACHTWOORD.toCharArray());
            }
            Files.writeString(map.resolve("ca.crt"), Certificaten.pem(ca.certificaat()));
            return new BrpNabootsing(map, 0);
        } catch (Exception e) {
            throw new IllegalStateException("the BRP mock could not be set up", e);
        }
    }

    private void start(int poort) {
        server = new WireMockServer(options().httpDisabled(true).httpsPort(poort)
                .keystorePath(map.resolve("server.p12").toString()).keystorePassword(WACHTWOORD).keyManagerPassword(WACHTWOORD)
                .keystoreType("PKCS12").notifier(new Stil()).containerThreads(12));
        server.start();
        this.poort = server.httpsPort();
    }

    public WireMockServer server() {
        return server;
    }

    /** The base URL the hub is given (bron.gba.brp.basis-url). */
    public String basisUrl() {
        return "https://localhost:" + poort + "/haalcentraal/api/brp";
    }

    /** The PEM of the CA that signed the mock's certificate (spring.ssl.bundle.pem.*.truststore.certificate). */
    public Path caCertificaat() {
        return map.resolve("ca.crt");
    }

    public SSLContext vertrouwt() {
        return Certificaten.sslContext(null, Certificaten.leesCertificaat(caCertificaat()));
    }

    /** Down: nothing listens on the port any more. */
    public void stop() {
        server.stop();
    }

    /** Up again on the same port, with no stubs: serve them again. */
    public void herstart() {
        start(poort);
    }

    @Override
    public void close() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    /** A documented answer from src/test/resources/brp/. */
    public static String antwoord(String bestand) {
        try {
            return Files.readString(Path.of("src/test/resources/brp", bestand));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves the persons of the hub's GBA stub files as the BRP would: RaadpleegMetBurgerservicenummer per BSN,
     * ZoekMetGeslachtsnaamEnGeboortedatum per surname (case-insensitive) and birth date, and no persons for anyone
     * else. Only with the right API key; any other key gets the documented 401.
     */
    public void dienPersonen(String... stubBestanden) {
        Map<String, List<ObjectNode>> opNaam = new LinkedHashMap<>();
        for (String bestand : stubBestanden) {
            try {
                for (JsonNode r : new YAMLMapper().readTree(Path.of(bestand).toFile()).path("personen")) {
                    ObjectNode p = persoon(r);
                    server.stubFor(post(urlEqualTo(PAD)).atPriority(1)
                            .withHeader("X-API-KEY", equalTo(API_SLEUTEL))
                            .withRequestBody(matchingJsonPath("$.type", equalTo("RaadpleegMetBurgerservicenummer")))
                            .withRequestBody(matchingJsonPath("$.burgerservicenummer[0]", equalTo(r.path("bsn").asText())))
                            .willReturn(json(200, personen("RaadpleegMetBurgerservicenummer", List.of(p)))));
                    opNaam.computeIfAbsent(r.path("achternaam").asText().toLowerCase(Locale.ROOT) + "|"
                            + r.path("geboortedatum").asText(), k -> new ArrayList<>()).add(p);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        opNaam.forEach((sleutel, lijst) -> server.stubFor(post(urlEqualTo(PAD)).atPriority(1)
                .withHeader("X-API-KEY", equalTo(API_SLEUTEL))
                .withRequestBody(matchingJsonPath("$.type", equalTo("ZoekMetGeslachtsnaamEnGeboortedatum")))
                .withRequestBody(matchingJsonPath("$.geslachtsnaam", equalToIgnoreCase(sleutel.substring(0, sleutel.indexOf('|')))))
                .withRequestBody(matchingJsonPath("$.geboortedatum", equalTo(sleutel.substring(sleutel.indexOf('|') + 1))))
                .willReturn(json(200, personen("ZoekMetGeslachtsnaamEnGeboortedatum", lijst)))));
        for (String type : List.of("RaadpleegMetBurgerservicenummer", "ZoekMetGeslachtsnaamEnGeboortedatum")) {
            server.stubFor(post(urlEqualTo(PAD)).atPriority(5).withHeader("X-API-KEY", equalTo(API_SLEUTEL))
                    .withRequestBody(matchingJsonPath("$.type", equalTo(type)))
                    .willReturn(json(200, personen(type, List.of()))));
        }
        server.stubFor(post(urlEqualTo(PAD)).atPriority(9).willReturn(probleem(401)));
    }

    /** A person as the API returns one (the fields the hub asks for), from a line of a GBA stub file. */
    public static ObjectNode persoon(JsonNode r) {
        ObjectNode p = JSON.createObjectNode();
        p.put("burgerservicenummer", r.path("bsn").asText());
        String g = r.path("geslacht").asText();
        p.putObject("geslacht").put("code", g).put("omschrijving", g.equals("V") ? "vrouw" : g.equals("M") ? "man" : "onbekend");
        ObjectNode naam = p.putObject("naam");
        naam.put("voornamen", r.path("voornamen").asText(null));
        if (r.hasNonNull("voorvoegsel")) {
            naam.put("voorvoegsel", r.path("voorvoegsel").asText());
        }
        naam.put("geslachtsnaam", r.path("achternaam").asText());
        p.putObject("geboorte").putObject("datum").put("type", "Datum").put("datum", r.path("geboortedatum").asText())
                .put("langFormaat", r.path("geboortedatum").asText());
        ObjectNode plaats = p.putObject("verblijfplaats").put("type", "Adres");
        ObjectNode adres = plaats.putObject("verblijfadres");
        adres.put("officieleStraatnaam", r.path("straatnaam").asText()).put("korteStraatnaam", r.path("straatnaam").asText())
                .put("huisnummer", r.path("huisnummer").asInt());
        if (r.hasNonNull("huisnummertoevoeging")) {
            adres.put("huisletter", r.path("huisnummertoevoeging").asText());
        }
        adres.put("postcode", r.path("postcode").asText()).put("woonplaats", r.path("woonplaats").asText());
        if (r.path("geheim").asBoolean(false)) {
            p.put("geheimhoudingPersoonsgegevens", true);
        }
        return p;
    }

    public static String personen(String type, List<ObjectNode> personen) {
        ObjectNode antwoord = JSON.createObjectNode().put("type", type);
        antwoord.putArray("personen").addAll(personen);
        return antwoord.toString();
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** The API's documented problem detail for this status (src/test/resources/brp/probleem-{status}.json). */
    public static ResponseDefinitionBuilder probleem(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody(antwoord("probleem-" + status + ".json"));
    }

    /** WireMock says nothing: its reports quote requests, and a request body holds a BSN. */
    private static final class Stil implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    }
}
