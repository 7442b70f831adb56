package nl.bronhub.terugkoppeling;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.stream.IntStream;
import javax.net.ssl.SSLHandshakeException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;

import nl.bronhub.OngeldigeInvoer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The push message against its own contract (wsdl/bron-terugkoppeling-push-v1.xsd), and the addresses an operator may
 * register (PushAdressen.controleer), without a hub.
 */
class PushBerichtTest {

    /** A terugkoppeling as the queue stores it (JAXB's prefix), with a signal and no pupil. */
    static final String OPGESLAGEN = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<ns2:terugkoppeling xmlns:ns2=\"urn:nl:bron-hub:uitwisseling:v1\"><ns2:volgnummer>7</ns2:volgnummer>"
            + "<ns2:soort>verwerking</ns2:soort><ns2:aangemaakt>2026-11-02T10:00:00+01:00</ns2:aangemaakt>"
            + "<ns2:berichtIdentificatie>B-7</ns2:berichtIdentificatie><ns2:resultaat>afgekeurd</ns2:resultaat>"
            + "<ns2:signaal><ns2:code>753</ns2:code><ns2:ernst>afkeur</ns2:ernst><ns2:omschrijving>x &amp; y</ns2:omschrijving>"
            + "</ns2:signaal></ns2:terugkoppeling>";

    @Test
    void theMessageIsValidAgainstThePushSchemaAndCarriesTheTerugkoppelingWhole() throws Exception {
        String envelop = PushBericht.envelop("40AA", "1", 7, OPGESLAGEN);
        Element afleveren = lichaam(envelop);

        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(Path.of("wsdl/bron-terugkoppeling-push-v1.xsd").toFile()).newValidator().validate(new DOMSource(afleveren));

        assertThat(afleveren.getNamespaceURI()).isEqualTo(PushBericht.NS);
        assertThat(tekst(afleveren, PushBericht.NS, "volgnummer")).isEqualTo("7");
        assertThat(tekst(afleveren, PushBericht.UITWISSELING, "brin")).isEqualTo("40AA");
        assertThat(tekst(afleveren, PushBericht.UITWISSELING, "berichtIdentificatie")).isEqualTo("B-7");
        assertThat(tekst(afleveren, PushBericht.UITWISSELING, "omschrijving")).isEqualTo("x & y");
        // the terugkoppeling's own volgnummer inside it, the same number
        Element terugkoppeling = (Element) afleveren.getElementsByTagNameNS(PushBericht.NS, "terugkoppeling").item(0);
        assertThat(tekst(terugkoppeling, PushBericht.UITWISSELING, "volgnummer")).isEqualTo("7");
    }

    @Test
    void theContractsExampleIsValidAgainstThePushSchema() throws Exception {
        Element afleveren = lichaam(Files.readString(Path.of("wsdl/voorbeelden/terugkoppeling-push.xml")));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("wsdl/bron-terugkoppeling-push-v1.xsd").toFile())
                .newValidator().validate(new DOMSource(afleveren));
        assertThat(tekst(afleveren, PushBericht.NS, "volgnummer")).isEqualTo("1");
    }

    @Test
    void theWaitDoublesFromTheFirstUpToTheMaximum() {
        PushAflevering aflevering = new PushAflevering(null, null, new PushEigenschappen("push", 100, 1000, 1000, 5000, 60000, 10), null);
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(aflevering::wachttijd).map(Duration::toMillis))
                .containsExactly(5000L, 10000L, 20000L, 40000L, 60000L, 60000L, 60000L, 60000L);
        // a thousand failures in a row do not overflow
        assertThat(aflevering.wachttijd(1000).toMillis()).isEqualTo(60000L);
    }

    @Test
    void aFailedConnectionIsNamedByItsKindAndATlsRefusalByItsReason() {
        assertThat(PushAflevering.oorzaak(new ConnectException("Connection refused"))).isEqualTo("verbinding-geweigerd");
        assertThat(PushAflevering.oorzaak(new IOException("x", new ConnectException()))).isEqualTo("verbinding-geweigerd");
        // the JDK client's form of a host name that does not resolve: a ConnectException around UnresolvedAddressException
        ConnectException onbekend = new ConnectException();
        onbekend.initCause(new UnresolvedAddressException());
        assertThat(PushAflevering.oorzaak(onbekend)).isEqualTo("host-onbekend");
        assertThat(PushAflevering.oorzaak(new IOException("x", new UnknownHostException("las.example.nl")))).isEqualTo("host-onbekend");
        assertThat(PushAflevering.oorzaak(new HttpConnectTimeoutException("t"))).isEqualTo("verbinding-time-out");
        assertThat(PushAflevering.oorzaak(new HttpTimeoutException("t"))).isEqualTo("antwoord-time-out");
        assertThat(PushAflevering.oorzaak(new IOException("x", new SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo("tls-geweigerd: PKIX path building failed");
        assertThat(PushAflevering.oorzaak(new IOException("Connection reset"))).isEqualTo("verbinding-verbroken: Connection reset");
        assertThat(PushAflevering.oorzaak(new EOFException())).isEqualTo("verbinding-verbroken: EOFException");
    }

    @Test
    void aStoredTerugkoppelingWithADoctypeIsNotRead() {
        assertThatThrownBy(() -> PushBericht.envelop("40AA", "1", 1, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://las.example.nl/bron", "https://las.example.nl:8443/bron/terugkoppeling?school=1",
            "https://127.0.0.1:9443/", "https://[::1]:9443/x"})
    void aPlainHttpsAddressIsAccepted(String adres) {
        assertThat(PushAdressen.controleer(adres).getScheme()).isEqualTo("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://las.example.nl/bron", "HTTPS://las.example.nl/", "ftp://las.example.nl/",
            "https://gebruiker:geheim@las.example.nl/bron", "https://gebruiker@las.example.nl/", "https:///pad", "https://",
            "https://las.example.nl/bron#deel", "https://las example.nl/", "https://las.example.nl/\u00e9", "https://las.example.nl/\n",
            "https://las.example.nl:99999/", "https://las.example.nl:0/", "https://las.example.nl:abc/", "https://[::1/",
            "file:///etc/passwd", "jar:https://las.example.nl/x!/", "//las.example.nl/bron", "https:las.example.nl"})
    void anythingElseIsRefusedNamingTheField(String adres) {
        assertThatThrownBy(() -> PushAdressen.controleer(adres)).isInstanceOfSatisfying(OngeldigeInvoer.class,
                e -> assertThat(e.veld()).isEqualTo("adres"));
    }

    @Test
    void anAddressLongerThanTheLimitIsRefusedAndOneAtTheLimitIsNot() {
        String basis = "https://las.example.nl/";
        assertThat(PushAdressen.controleer(basis + "a".repeat(PushAdressen.MAX_LENGTE - basis.length()))).isNotNull();
        assertThatThrownBy(() -> PushAdressen.controleer(basis + "a".repeat(PushAdressen.MAX_LENGTE - basis.length() + 1)))
                .isInstanceOf(OngeldigeInvoer.class).hasMessageContaining("500");
        assertThatThrownBy(() -> PushAdressen.controleer(null)).isInstanceOf(OngeldigeInvoer.class);
    }

    private static Element lichaam(String envelop) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(envelop)));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("Envelope");
        Element body = (Element) d.getDocumentElement().getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        return (Element) body.getElementsByTagNameNS(PushBericht.NS, "terugkoppelingAfleveren").item(0);
    }

    private static String tekst(Element ouder, String ns, String naam) {
        return ouder.getElementsByTagNameNS(ns, naam).item(0).getTextContent();
    }
}
