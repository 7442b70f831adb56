package nl.bronhub.support;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.AanleverenVerzoek;
import nl.bronhub.contract.v1.Aanleverpunt;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Header;
import nl.bronhub.contract.v1.ObjectFactory;
import nl.bronhub.contract.v1.RegistratieoverzichtAntwoord;
import nl.bronhub.contract.v1.RegistratieoverzichtVerzoek;
import nl.bronhub.contract.v1.Signaal;
import nl.bronhub.contract.v1.SignaalFout;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.TerugkoppelingAntwoord;
import nl.bronhub.contract.v1.TerugkoppelingVerzoek;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A LAS as the hub sees it: SOAP 1.1 over HTTP to the running hub. Requests are built from the
 * contract's generated classes; answers are parsed from the wire, faults included.
 */
public final class LasClient {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    /** A SOAP fault as the LAS receives it. */
    public record Fout(int httpStatus, String faultcode, String faultstring, List<Signaal> signalen) {
    }

    /** The raw HTTP exchange, for envelopes the contract classes cannot express. */
    public record Http(int status, String body) {
    }

    /**
     * The HTTP headers an answer of the LAS door may carry: what HTTP needs, and the security headers the
     * hub sets on purpose (Spring Security's defaults). Anything else (an exchange header, an echoed
     * request header) is a leak.
     */
    public static final Set<String> TOEGESTANE_HEADERS = Set.of("content-type", "content-length", "date", "connection",
            "keep-alive", "transfer-encoding", "cache-control", "pragma", "expires", "strict-transport-security",
            "x-content-type-options", "x-frame-options", "x-xss-protection");

    /** Every signal code any test received from a hub, for SignaalDekkingTest. */
    public static final Set<String> ONTVANGEN_SIGNALEN = ConcurrentHashMap.newKeySet();

    private static final JAXBContext JAXB;

    static {
        try {
            JAXB = JAXBContext.newInstance(ObjectFactory.class);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final URI endpoint;
    private final String brin;
    private final String aanleverpuntnummer;
    private final Pki.Identiteit identiteit;
    /** What this LAS has received, by volgnummer: the hub serves an acknowledged terugkoppeling only once. */
    final NavigableMap<Long, Terugkoppeling> ontvangen = new TreeMap<>();

    /** A LAS on the hub's LAS door ({@code port}), showing {@code identiteit}'s client certificate. */
    public LasClient(int port, String brin, String aanleverpuntnummer, Pki.Identiteit identiteit) {
        this.endpoint = URI.create("https://localhost:" + port + "/services/uitwisseling/v1");
        this.brin = brin;
        this.aanleverpuntnummer = aanleverpuntnummer;
        this.identiteit = identiteit;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The HTTPS client with this LAS's certificate, for requests the methods here do not make. */
    public HttpClient http() {
        return identiteit.http();
    }

    public AanleverenAntwoord aanleveren(Bericht... berichten) {
        return verwacht(AanleverenAntwoord.class, verstuur(aanleverVerzoek(berichten)));
    }

    public Fout aanleverenFout(Bericht... berichten) {
        return verwacht(Fout.class, verstuur(aanleverVerzoek(berichten)));
    }

    public AanleverenVerzoek aanleverVerzoek(Bericht... berichten) {
        AanleverenVerzoek verzoek = new AanleverenVerzoek();
        verzoek.setHeader(header());
        verzoek.getBericht().addAll(List.of(berichten));
        return verzoek;
    }

    public TerugkoppelingAntwoord ophalen(long laatstOntvangen) {
        return ophalen(laatstOntvangen, null);
    }

    public TerugkoppelingAntwoord ophalen(long laatstOntvangen, Integer maximum) {
        return verwacht(TerugkoppelingAntwoord.class, verstuur(ophaalVerzoek(laatstOntvangen, maximum)));
    }

    public Fout ophalenFout(long laatstOntvangen) {
        return verwacht(Fout.class, verstuur(ophaalVerzoek(laatstOntvangen, null)));
    }

    public RegistratieoverzichtAntwoord registratieoverzicht(String peildatum, String vestiging, String... pgns) {
        RegistratieoverzichtVerzoek verzoek = new RegistratieoverzichtVerzoek();
        verzoek.setHeader(header());
        verzoek.setPeildatum(peildatum);
        verzoek.setVestigingsvolgnummer(vestiging);
        verzoek.getPersoonsgebondenNummer().addAll(List.of(pgns));
        return verwacht(RegistratieoverzichtAntwoord.class, verstuur(verzoek));
    }

    public TerugkoppelingVerzoek ophaalVerzoek(long laatstOntvangen, Integer maximum) {
        TerugkoppelingVerzoek verzoek = new TerugkoppelingVerzoek();
        verzoek.setHeader(header());
        verzoek.setLaatstOntvangenVolgnummer(laatstOntvangen);
        verzoek.setMaximumAantal(maximum);
        return verzoek;
    }

    public Header header() {
        try {
            Header h = new Header();
            h.setIdentificatiecodeBedrijfsdocument("test-" + UUID.randomUUID().toString().substring(0, 18));
            Aanleverpunt ap = new Aanleverpunt();
            ap.setBrin(brin);
            ap.setAanleverpuntnummer(aanleverpuntnummer);
            h.setVerzendendeInstantie(ap);
            h.setOntvangendeInstantie("BRON");
            h.setDatumTijdBedrijfsdocument(DatatypeFactory.newInstance().newXMLGregorianCalendar(GregorianCalendar.from(ZonedDateTime.now())));
            return h;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a contract request; answers the contract's answer object, or a Fout. */
    public Object verstuur(Object verzoek) {
        return lees(post(envelop(verzoek)));
    }

    public static String envelop(Object verzoek) {
        try {
            StringWriter body = new StringWriter();
            Marshaller m = JAXB.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, true);
            m.marshal(verzoek, body);
            return "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_NS + "\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Http post(String xml) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = identiteit.http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object lees(Http http) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(http.body().getBytes(StandardCharsets.UTF_8)));
            Element body = eersteKind((Element) doc.getDocumentElement().getElementsByTagNameNS(SOAP_NS, "Body").item(0));
            if ("Fault".equals(body.getLocalName()) && SOAP_NS.equals(body.getNamespaceURI())) {
                List<Signaal> signalen = new ArrayList<>();
                var fout = body.getElementsByTagNameNS("urn:nl:bron-hub:uitwisseling:v1", "signaalFout");
                if (fout.getLength() > 0) {
                    signalen.addAll(JAXB.createUnmarshaller().unmarshal(fout.item(0), SignaalFout.class).getValue().getSignaal());
                }
                signalen.forEach(x -> ONTVANGEN_SIGNALEN.add(x.getCode()));
                return new Fout(http.status(), tekst(body, "faultcode"), tekst(body, "faultstring"), signalen);
            }
            Object antwoord = JAXB.createUnmarshaller().unmarshal(body);
            if (antwoord instanceof AanleverenAntwoord a) {
                a.getBerichtResultaat().forEach(r -> r.getSignaal().forEach(x -> ONTVANGEN_SIGNALEN.add(x.getCode())));
            } else if (antwoord instanceof TerugkoppelingAntwoord t) {
                t.getTerugkoppeling().forEach(r -> r.getSignaal().forEach(x -> ONTVANGEN_SIGNALEN.add(x.getCode())));
            }
            return antwoord;
        } catch (Exception e) {
            throw new IllegalStateException("Not a SOAP answer (HTTP " + http.status() + "): " + http.body(), e);
        }
    }

    private static <T> T verwacht(Class<T> type, Object antwoord) {
        if (!type.isInstance(antwoord)) {
            throw new AssertionError("Expected " + type.getSimpleName() + " but got " + antwoord);
        }
        return type.cast(antwoord);
    }

    private static Element eersteKind(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) n;
            }
        }
        throw new IllegalStateException("empty SOAP body");
    }

    private static String tekst(Element e, String naam) {
        var lijst = e.getElementsByTagName(naam);
        return lijst.getLength() == 0 ? null : lijst.item(0).getTextContent();
    }
}
