package nl.bronhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import nl.bronhub.terugkoppeling.PushBericht;
import nl.bronhub.toegang.Certificaten;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * A LAS's push endpoint for the tests (the JDK's HttpsServer): two-way TLS, a client certificate of {@code vertrouwd}
 * required. It answers each terugkoppelingAfleveren with the status the test sets (200 at first), records every
 * attempt, and can go down (refusing connections) and come back on the same port.
 */
public final class ProefEindpunt implements AutoCloseable {

    /** One request as the endpoint saw it: the volgnummer sent, the status it answered, who connected, the whole body, its headers (names in lower case). */
    public record Poging(long volgnummer, int status, String client, String soapAction, String body, Map<String, List<String>> koppen) {
    }

    public static final String PAD = "/las/bron/terugkoppelingen";

    private final SSLContext ssl;
    private final List<Poging> pogingen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String omleiding;
    private volatile LongConsumer voorHetAntwoord = v -> { };
    private volatile int port;
    private volatile HttpsServer server;

    public ProefEindpunt(Certificaten.Sleutelpaar servercertificaat, X509Certificate vertrouwd) {
        this.ssl = Certificaten.sslContext(servercertificaat, vertrouwd);
        open();
    }

    /** The address to register (https, on the loopback address the certificate names). */
    public String adres() {
        return "https://127.0.0.1:" + port + PAD;
    }

    public void antwoordMet(int status) {
        this.status = status;
    }

    /** From now on every request is answered 302 with this Location (a redirect the hub must not follow). */
    public void omleidenNaar(String adres) {
        this.omleiding = adres;
        this.status = 302;
    }

    /**
     * From now on {@code stap} runs with each request's volgnummer after the endpoint has it and before it answers: what
     * a LAS may do between storing a terugkoppeling and the hub hearing so (the hub may die in between).
     */
    public void voorHetAntwoord(LongConsumer stap) {
        this.voorHetAntwoord = stap;
    }

    /** Every request so far, in the order received. */
    public List<Poging> pogingen() {
        return List.copyOf(pogingen);
    }

    /** The volgnummers answered 2xx, in the order received. */
    public List<Long> aanvaard() {
        return pogingen.stream().filter(p -> p.status() / 100 == 2).map(Poging::volgnummer).toList();
    }

    /** Down: the port refuses connections until {@link #open()}. */
    public void dicht() {
        server.stop(0);
    }

    public synchronized void open() {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            s.setHttpsConfigurator(new HttpsConfigurator(ssl) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = getSSLContext().getDefaultSSLParameters();
                    p.setNeedClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            s.createContext(PAD, this::behandel);
            s.start();
            port = s.getAddress().getPort();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void behandel(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int antwoord = status;
        long volgnummer = -1;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
            volgnummer = Long.parseLong(d.getElementsByTagNameNS(PushBericht.NS, "volgnummer").item(0).getTextContent());
        } catch (Exception e) {
            antwoord = 400;
        }
        String client = ((X509Certificate) ((HttpsExchange) ex).getSSLSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        Map<String, List<String>> koppen = new TreeMap<>();
        ex.getRequestHeaders().forEach((naam, waarden) -> koppen.put(naam.toLowerCase(Locale.ROOT), List.copyOf(waarden)));
        pogingen.add(new Poging(volgnummer, antwoord, client, ex.getRequestHeaders().getFirst("SOAPAction"), body, koppen));
        if (antwoord / 100 == 2) {
            voorHetAntwoord.accept(volgnummer);
        }
        byte[] uit = (antwoord / 100 == 2
                ? "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<p:terugkoppelingAfleverenAntwoord xmlns:p=\"" + PushBericht.NS + "\"><p:ontvangenVolgnummer>" + volgnummer
                + "</p:ontvangenVolgnummer></p:terugkoppelingAfleverenAntwoord></soap:Body></soap:Envelope>"
                : "niet beschikbaar").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", antwoord / 100 == 2 ? "text/xml; charset=UTF-8" : "text/plain");
        if (antwoord == 302 && omleiding != null) {
            ex.getResponseHeaders().set("Location", omleiding);
        }
        ex.sendResponseHeaders(antwoord, uit.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(uit);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
