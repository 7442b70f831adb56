package nl.bronhub;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import com.fasterxml.jackson.databind.JsonNode;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.TerugkoppelingAntwoord;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import nl.bronhub.support.ProefEindpunt;
import nl.bronhub.terugkoppeling.PushBericht;
import nl.bronhub.toegang.Certificaten;
import nl.bronhub.toegang.ProefPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Push delivery end to end (issue 22): berichten sent over SOAP, their terugkoppelingen delivered to a LAS's HTTPS
 * endpoint over two-way TLS (routes/75-terugkoppeling-push), through an outage and a restart of the hub, and fetching
 * unchanged beside it; an endpoint the hub does not trust gets nothing, and the endpoint lets no one in without the
 * hub's certificate. The endpoint is the JDK's HttpsServer; everything else is the real hub.
 */
class PushAfleveringTest {

    @TempDir
    Path data;

    /** The client certificate the hub shows (spring.ssl.bundle.pem.push: hub-push in bron.tls.map). */
    @BeforeAll
    static void certificaten() {
        ProefPki.maak(Pki.MAP, List.of("localhost", "127.0.0.1", "::1"), List.of("hub-push"));
    }

    @Test
    void terugkoppelingenArriveInOrderThroughAnOutageAndARestartAndFetchingStillServesThem() throws Exception {
        Map<String, Object> eigenschappen = eigenschappen(data);
        List<String> verzonden = new ArrayList<>();
        // the LAS's endpoint shows the hub's own server certificate (the test CA's, named 127.0.0.1) and wants the test CA's clients
        try (ProefEindpunt eindpunt = new ProefEindpunt(hubServercertificaat(), Pki.ca().certificaat())) {
            try (Hub hub = Hub.start(eigenschappen)) {
                LasClient las = hub.las("40AA", "1");
                OperatorClient operator = hub.operator();
                assertThat(operator.put("/aanleverpunten/40AA/1/push", Map.of("adres", eindpunt.adres())).status()).isEqualTo(200);

                las.aanleveren(berichten(3, verzonden));
                await().atMost(Duration.ofSeconds(30)).until(eindpunt::aanvaard, a -> a.equals(List.of(1L, 2L, 3L)));

                // the endpoint answers 503: volgnummer 4 is tried again and again, and 5 waits behind it
                eindpunt.antwoordMet(503);
                las.aanleveren(berichten(2, verzonden));
                JsonNode stand = await().atMost(Duration.ofSeconds(30)).until(() -> stand(operator),
                        s -> s.path("pogingen").asInt() >= 3 && "http-503".equals(s.path("laatsteFout").asText()));
                assertThat(stand.path("laatstAfgeleverd").asLong()).isEqualTo(3);
                assertThat(stand.path("wachtend").asLong()).isEqualTo(2);
                assertThat(stand.path("volgendePoging").isTextual()).isTrue();
                assertThat(eindpunt.pogingen()).filteredOn(p -> p.status() == 503).extracting(ProefEindpunt.Poging::volgnummer)
                        .isNotEmpty().containsOnly(4L);

                // then it is down altogether: connections refused
                eindpunt.dicht();
                await().atMost(Duration.ofSeconds(30)).until(() -> stand(operator),
                        s -> "verbinding-geweigerd".equals(s.path("laatsteFout").asText()));
            }

            // the hub restarts while the endpoint is down: what was delivered, and what not, is in the database
            try (Hub hub = Hub.start(eigenschappen)) {
                LasClient las = hub.las("40AA", "1");
                OperatorClient operator = hub.operator();
                assertThat(stand(operator).path("laatstAfgeleverd").asLong()).isEqualTo(3);
                las.aanleveren(berichten(1, verzonden));

                eindpunt.antwoordMet(200);
                eindpunt.open();
                await().atMost(Duration.ofSeconds(30)).until(eindpunt::aanvaard, a -> a.size() >= 6);

                // in order, none skipped: every attempt is the one accepted before it or the next (a repeat is allowed)
                List<Long> pogingen = eindpunt.pogingen().stream().map(ProefEindpunt.Poging::volgnummer).toList();
                for (int i = 1; i < pogingen.size(); i++) {
                    assertThat(pogingen.get(i) - pogingen.get(i - 1)).as("attempt %d after %d", pogingen.get(i), pogingen.get(i - 1))
                            .isBetween(0L, 1L);
                }
                assertThat(eindpunt.aanvaard()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

                // each message: the hub's client certificate, the contract's SOAPAction, valid against the push schema,
                // the terugkoppeling of the bericht sent in that place
                Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                        .newSchema(Path.of("wsdl/bron-terugkoppeling-push-v1.xsd").toFile());
                List<ProefEindpunt.Poging> aanvaard = eindpunt.pogingen().stream().filter(p -> p.status() == 200).toList();
                for (ProefEindpunt.Poging p : aanvaard) {
                    assertThat(p.client()).contains("CN=hub-push");
                    assertThat(p.soapAction()).isEqualTo("\"" + PushBericht.SOAP_ACTION + "\"");
                    // no header the contract does not name, besides HTTP's own; the agent names no JDK version
                    assertThat(p.koppen()).containsOnlyKeys("content-type", "soapaction", "user-agent", "host", "content-length");
                    assertThat(p.koppen().get("user-agent")).containsExactly("bron-hub");
                    Element afleveren = afleveren(p.body());
                    schema.newValidator().validate(new DOMSource(afleveren));
                    assertThat(tekst(afleveren, "urn:nl:bron-hub:uitwisseling:v1", "berichtIdentificatie"))
                            .isEqualTo(verzonden.get((int) p.volgnummer() - 1));
                    assertThat(tekst(afleveren, "urn:nl:bron-hub:uitwisseling:v1", "brin")).isEqualTo("40AA");
                }

                // fetching is as it was: push acknowledged nothing, the same six are served, in the same order
                List<Terugkoppeling> opgehaald = HubTest.alle(las);
                assertThat(opgehaald).extracting(Terugkoppeling::getVolgnummer).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                assertThat(opgehaald).extracting(Terugkoppeling::getBerichtIdentificatie).containsExactlyElementsOf(verzonden);

                JsonNode stand = await().atMost(Duration.ofSeconds(10)).until(() -> stand(operator), s -> s.path("wachtend").asLong() == 0);
                assertThat(stand.path("laatstAfgeleverd").asLong()).isEqualTo(6);
                assertThat(stand.path("pogingen").asInt()).isZero();
                assertThat(stand.path("volgendePoging").isNull()).isTrue();
                // the last failure stays in view with its moment
                assertThat(stand.path("laatsteFout").asText()).isEqualTo("verbinding-geweigerd");
            }
        }
    }

    @Test
    void anEndpointTheHubDoesNotTrustGetsNothingAndTheEndpointLetsNoOneInWithoutTheHubsCertificate() throws Exception {
        Instant nu = Instant.now();
        Certificaten.Sleutelpaar vreemdeCa = Certificaten.maakCa("CN=vreemde CA", nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(30)));
        Certificaten.Sleutelpaar vreemd = Certificaten.maakServer(vreemdeCa, "CN=127.0.0.1", List.of("127.0.0.1", "localhost"),
                nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(30)));
        // the trusted CA's certificate, but for another host: the host name is verified
        Certificaten.Sleutelpaar anderHost = Certificaten.maakServer(Pki.ca(), "CN=elders.example", List.of("elders.example"),
                nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(30)));
        try (ProefEindpunt onbekend = new ProefEindpunt(vreemd, Pki.ca().certificaat());
             ProefEindpunt verkeerdeNaam = new ProefEindpunt(anderHost, Pki.ca().certificaat());
             // an endpoint that trusts another CA's clients only: it refuses the hub's certificate
             ProefEindpunt kentDeHubNiet = new ProefEindpunt(hubServercertificaat(), vreemdeCa.certificaat());
             ProefEindpunt goed = new ProefEindpunt(hubServercertificaat(), Pki.ca().certificaat());
             // a trusted endpoint that answers with a redirect to the good one: the hub calls only what was registered
             ProefEindpunt omleider = new ProefEindpunt(hubServercertificaat(), Pki.ca().certificaat());
             Hub hub = Hub.start(eigenschappen(data))) {
            omleider.omleidenNaar(goed.adres());
            OperatorClient operator = hub.operator();
            Map<String, ProefEindpunt> eindpunten = Map.of("1", onbekend, "2", verkeerdeNaam, "3", kentDeHubNiet);
            for (var e : eindpunten.entrySet()) {
                LasClient las = hub.las("40AA", e.getKey());
                assertThat(operator.put("/aanleverpunten/40AA/" + e.getKey() + "/push", Map.of("adres", e.getValue().adres())).status())
                        .isEqualTo(200);
                las.aanleveren(berichten(1, new ArrayList<>()));
            }

            for (String nummer : eindpunten.keySet()) {
                JsonNode stand = await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/aanleverpunten/40AA/" + nummer + "/push").json(),
                        s -> s.path("pogingen").asInt() >= 2);
                // the hub refused the endpoint (1, 2), or the endpoint the hub (3: how TLS 1.3 reports it varies)
                assertThat(stand.path("laatsteFout").asText()).as(nummer).startsWith(nummer.equals("3") ? "" : "tls-geweigerd").isNotEmpty();
                assertThat(stand.path("laatstAfgeleverd").asLong()).isZero();
                assertThat(stand.path("wachtend").asLong()).isEqualTo(1);
                assertThat(eindpunten.get(nummer).pogingen()).isEmpty();
            }
            // the redirect is a failure like any other answer but 2xx, and nothing reaches the address it names
            LasClient vierde = hub.las("40AA", "4");
            assertThat(operator.put("/aanleverpunten/40AA/4/push", Map.of("adres", omleider.adres())).status()).isEqualTo(200);
            vierde.aanleveren(berichten(1, new ArrayList<>()));
            JsonNode omgeleid = await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/aanleverpunten/40AA/4/push").json(),
                    s -> s.path("pogingen").asInt() >= 2);
            assertThat(omgeleid.path("laatsteFout").asText()).isEqualTo("http-302");
            assertThat(omleider.pogingen()).isNotEmpty();
            // the list shows all four, with their failure
            assertThat(operator.get("/push").json()).hasSize(4);

            // the endpoint: no client certificate, or one of another CA, and the TLS handshake fails; nothing recorded
            for (Pki.Identiteit client : List.of(Pki.zonderCertificaat(), Pki.vanVreemdeCa("indringer"))) {
                HttpRequest verzoek = HttpRequest.newBuilder(URI.create(goed.adres()))
                        .POST(HttpRequest.BodyPublishers.ofString(PushBericht.envelop("40AA", "1", 1, PushBerichtVoorbeeld.XML))).build();
                assertThatThrownBy(() -> client.http().send(verzoek, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(IOException.class);
            }
            assertThat(goed.pogingen()).isEmpty();

            // the operator moves aanleverpunt 1 to the good endpoint: tried at once, and delivered
            assertThat(operator.put("/aanleverpunten/40AA/1/push", Map.of("adres", goed.adres())).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(goed::aanvaard, a -> a.equals(List.of(1L)));
        }
    }

    @Test
    void aLasThatStoredAPushedTerugkoppelingMayAcknowledgeItBeforeTheHubHearsItsAnswer() throws Exception {
        try (ProefEindpunt eindpunt = new ProefEindpunt(hubServercertificaat(), Pki.ca().certificaat());
             Hub hub = Hub.start(eigenschappen(data))) {
            LasClient las = hub.las("40AA", "1");
            // the LAS stores what it is pushed and acknowledges it by fetching before its 200 reaches the hub (which a kill
            // could stop from ever hearing it): the volgnummer was given, so no 743, and it is acknowledged
            Map<Long, Object> antwoorden = new ConcurrentHashMap<>();
            eindpunt.voorHetAntwoord(v -> antwoorden.put(v, las.verstuur(las.ophaalVerzoek(v, 1))));
            assertThat(hub.operator().put("/aanleverpunten/40AA/1/push", Map.of("adres", eindpunt.adres())).status()).isEqualTo(200);
            las.aanleveren(berichten(2, new ArrayList<>()));
            await().atMost(Duration.ofSeconds(30)).until(eindpunt::aanvaard, a -> a.equals(List.of(1L, 2L)));
            // the endpoint records an attempt before its fetch: wait for the second fetch's answer too
            await().atMost(Duration.ofSeconds(30)).until(antwoorden::size, n -> n == 2);

            assertThat(antwoorden).containsOnlyKeys(1L, 2L);
            assertThat(antwoorden.values()).allSatisfy(a -> assertThat(a).isInstanceOf(TerugkoppelingAntwoord.class));
            // both acknowledged: a fetch from the start serves nothing
            assertThat(las.ophalen(0).getTerugkoppeling()).isEmpty();
        }
    }

    /** A stored terugkoppeling for the endpoint test's hand-made request. */
    static final class PushBerichtVoorbeeld {
        static final String XML = "<u:terugkoppeling xmlns:u=\"urn:nl:bron-hub:uitwisseling:v1\"><u:volgnummer>1</u:volgnummer>"
                + "<u:soort>verwerking</u:soort><u:aangemaakt>2026-11-02T10:00:00Z</u:aangemaakt><u:resultaat>afgekeurd</u:resultaat>"
                + "</u:terugkoppeling>";
    }

    private static Map<String, Object> eigenschappen(Path data) {
        Map<String, Object> p = Hub.testEigenschappen(data);
        p.put("bron.terugkoppeling.push.interval-ms", "100");
        p.put("bron.terugkoppeling.push.eerste-wachttijd-ms", "100");
        p.put("bron.terugkoppeling.push.max-wachttijd-ms", "400");
        p.put("bron.terugkoppeling.push.verbind-timeout-ms", "2000");
        p.put("bron.terugkoppeling.push.antwoord-timeout-ms", "3000");
        return p;
    }

    /** Berichten for new pupils (each gets an onderwijsnummer): {@code aantal}, their identificaties added to {@code verzonden}. */
    private static Bericht[] berichten(int aantal, List<String> verzonden) {
        Bericht[] b = new Bericht[aantal];
        for (int i = 0; i < aantal; i++) {
            b[i] = inschrijven(zonderPgn("2018-05-05"), wec("2026-08-01"));
            verzonden.add(b[i].getIdentificatie());
        }
        return b;
    }

    private static JsonNode stand(OperatorClient operator) {
        OperatorClient.Antwoord a = operator.get("/aanleverpunten/40AA/1/push");
        assertThat(a.status()).isEqualTo(200);
        return a.json();
    }

    private static Certificaten.Sleutelpaar hubServercertificaat() {
        return Certificaten.lees(ProefPki.crt(Pki.MAP, ProefPki.HUB), ProefPki.key(Pki.MAP, ProefPki.HUB));
    }

    private static Element afleveren(String envelop) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(envelop)));
        return (Element) d.getElementsByTagNameNS(PushBericht.NS, "terugkoppelingAfleveren").item(0);
    }

    private static String tekst(Element ouder, String ns, String naam) {
        return ouder.getElementsByTagNameNS(ns, naam).item(0).getTextContent();
    }
}
