package nl.bronhub.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.aanlevering.IntakeEigenschappen;
import nl.bronhub.aanlevering.SoapBody;
import nl.bronhub.audit.AuditSpoor;
import nl.bronhub.contract.Contract;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.toegang.Toegangscontrole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the SOAP listener before CXF sees a request. The request is read whole (at most
 * bron.intake.max-verzoek-bytes; with a Content-Length that says more, not at all) and its envelope
 * checked in one streaming pass: a charset Java knows, well-formed XML without a DOCTYPE (the door to
 * external entities and entity bombs), nesting within bron.intake.max-nestingdiepte, one SOAP 1.1
 * Envelope holding an optional Header and exactly one Body and nothing after it, one contract request
 * in that Body, and WS-Addressing replies only to the anonymous address (a LAS may not make the hub
 * connect elsewhere). Anything else is refused whole with signal 360 naming what, before anything is
 * parsed further, stored or acknowledged; CXF then reads the same bytes.
 */
@Component
public class VerzoekBewaking extends OncePerRequestFilter {

    /** Request attribute naming why the request was refused, read by EnvelopFoutInterceptor. */
    public static final String REDEN = VerzoekBewaking.class.getName() + ".reden";
    /** The LAS door's limit on the request line and headers together. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Set<String> WSA = Set.of("http://www.w3.org/2005/08/addressing", "http://schemas.xmlsoap.org/ws/2004/08/addressing");
    private static final Set<String> ANONIEM = Set.of("http://www.w3.org/2005/08/addressing/anonymous",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous");
    private static final Set<String> VERZOEKEN = Set.of("aanleverenVerzoek", "terugkoppelingVerzoek", "registratieoverzichtVerzoek");

    private final long maxBytes;
    private final int maxNestingdiepte;
    private final SignaalCatalogus catalogus;
    private final AuditSpoor audit;
    private final XMLInputFactory stax;

    private final int maxGelijktijdig;
    private final Duration maxLeestijd;
    /** Per certificate (its fingerprint), the POSTs being read or served now. */
    private final Map<String, AtomicInteger> lopend = new ConcurrentHashMap<>();

    public VerzoekBewaking(IntakeEigenschappen intake, SignaalCatalogus catalogus,
                           AuditSpoor audit, BenchmarkEigenschappen benchmark, @Value("${bron.soap.adres:}") String adres) {
        this.adres = adres == null || adres.isBlank() ? null : URI.create(adres.strip());
        this.maxGelijktijdig = intake.maxGelijktijdigPerCertificaat();
        this.maxLeestijd = intake.maxLeestijd();
        this.echo = benchmark.echo();
        this.maxBytes = intake.maxVerzoekBytes();
        this.maxNestingdiepte = intake.maxNestingdiepte();
        this.catalogus = catalogus;
        this.audit = audit;
        this.stax = XMLInputFactory.newFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        stax.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /**
     * Which of the intake's limits a failure to read the request comes from, or null: the LAS vendor
     * is told which (as the signal's gegeven). CXF's own limits (attribute count and size, text length)
     * still apply after this filter.
     */
    public String reden(Throwable fout) {
        return SoapBody.reden(fout, maxNestingdiepte);
    }

    public static String omvang(long maxBytes) {
        return "omvang verzoek (maximaal " + maxBytes + " bytes)";
    }

    /** Where the LAS vendors reach the door (bron.soap.adres: scheme, host, port), or null: https://localhost and its port. */
    private final URI adres;

    /** The LAS door's one address: requests go here as POST, the contract is read here with ?wsdl. */
    static final String ADRES = "/services/uitwisseling/v1";
    /** The benchmark's bare CXF endpoint (bron.benchmark.echo=true only): its ceiling is measured without this filter. */
    static final String ECHO = "/services/echo";
    private final boolean echo;

    /** A request for the contract, as if sent to the door's own address. */
    private static final class VasteHost extends HttpServletRequestWrapper {
        private final String schema;
        private final String host;
        private final int poort;

        VasteHost(HttpServletRequest request, String schema, String host, int poort) {
            super(request);
            this.schema = schema;
            this.host = host;
            this.poort = poort;
        }

        @Override
        public String getScheme() {
            return schema;
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return poort;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(schema + "://" + host + ":" + poort + getRequestURI());
        }

        @Override
        public String getHeader(String naam) {
            return "Host".equalsIgnoreCase(naam) ? host + ":" + poort : super.getHeader(naam);
        }

        @Override
        public Enumeration<String> getHeaders(String naam) {
            return "Host".equalsIgnoreCase(naam) ? Collections.enumeration(List.of(host + ":" + poort)) : super.getHeaders(naam);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isLasDeur(request.getRequestURI());
    }

    /** The SOAP listener's paths: /services (CXF's service list, when asked without a slash) and all under it. */
    static boolean isLasDeur(String uri) {
        return uri.startsWith("/services/") || "/services".equals(uri);
    }

    /** The contract read with GET: ?wsdl, and the schema it imports (?xsd=...). Any other query is no request. */
    private static boolean isContractOpvraag(HttpServletRequest request) {
        String vraag = request.getQueryString();
        return "GET".equals(request.getMethod()) && vraag != null
                && ("wsdl".equalsIgnoreCase(vraag) || vraag.startsWith("xsd=") && vraag.indexOf('&') < 0);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (echo && ECHO.equals(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            weiger(request, response, "HTTP-headers (samen meer dan " + MAX_HEADER_BYTES / 1024 + " KB)");
            return;
        }
        // a query on a POST is no request either: it was served as one (?xsd=../.. and ?foo alike)
        boolean post = "POST".equals(request.getMethod()) && (request.getQueryString() == null || request.getQueryString().isEmpty());
        if (!ADRES.equals(request.getRequestURI()) || !(post || isContractOpvraag(request))) {
            // another path, or a method the door does not serve: a coded answer, not CXF's HTML or a 358
            weiger(request, response, "adres of methode (POST naar " + ADRES + "; het contract: GET " + ADRES + "?wsdl)");
            return;
        }
        if (!post) {
            // the contract names the door's configured address, not one built from the request's Host header (which let a
            // sender have ?wsdl point a client at any host)
            chain.doFilter(adres == null ? new VasteHost(request, "https", "localhost", request.getLocalPort())
                    : new VasteHost(request, adres.getScheme(), adres.getHost(), adres.getPort() < 0 ? 443 : adres.getPort()), response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            // the body is not read; the connection closes rather than draining megabytes
            weiger(request, response, omvang(maxBytes));
            return;
        }
        // one certificate's requests in progress: a sender that opens many and sends slowly holds only its own share
        String afzender = Optional.ofNullable(Toegangscontrole.vingerafdruk(request)).orElse("adres " + request.getRemoteAddr());
        AtomicInteger bezig = lopend.computeIfAbsent(afzender, a -> new AtomicInteger());
        if (bezig.incrementAndGet() > maxGelijktijdig) {
            bezig.decrementAndGet();
            SoapFouten.weiger(response, catalogus.signaal("358", "gelijktijdige verzoeken (maximaal " + maxGelijktijdig
                    + " per certificaat; verstuur opnieuw)"));
            audit.geweigerd(null, "358", Toegangscontrole.vingerafdruk(request));
            return;
        }
        try {
            leesEnGeefDoor(request, response, chain);
        } finally {
            if (bezig.decrementAndGet() == 0) {
                lopend.remove(afzender, bezig);
            }
        }
    }

    private void leesEnGeefDoor(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] inhoud;
        try {
            inhoud = lees(request.getInputStream());
            if (inhoud == null) {
                weiger(request, response, "HTTP-verzoek (niet binnen " + maxLeestijd.toSeconds() + " seconden ontvangen)");
                return;
            }
        } catch (IOException e) {
            // a broken chunked encoding, or a client that went away mid-request
            try {
                weiger(request, response, "HTTP-verzoek (de inhoud is niet te lezen)");
            } catch (IOException weg) {
                // nobody left to answer
            }
            return;
        }
        if (inhoud.length > maxBytes) {
            weiger(request, response, omvang(maxBytes));
            return;
        }
        String reden = envelopFout(request.getContentType(), inhoud);
        if (reden != null) {
            weiger(request, response, reden);
            return;
        }
        chain.doFilter(new Gelezen(request, inhoud), response);
    }

    /**
     * The body, at most maxBytes + 1 bytes, or null when it has not arrived whole within maxLeestijd (a sender trickling
     * a byte now and then). One read waits at most the connector's connection-timeout.
     */
    private byte[] lees(InputStream in) throws IOException {
        long grens = System.nanoTime() + maxLeestijd.toNanos();
        int max = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        ByteArrayOutputStream inhoud = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while (inhoud.size() < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - inhoud.size()))) >= 0) {
            inhoud.write(buffer, 0, n);
            if (System.nanoTime() > grens) {
                return null;
            }
        }
        return inhoud.toByteArray();
    }

    /**
     * The request line and headers as sent, near enough. Tomcat's own limit on the LAS door is higher
     * (server.max-http-request-header-size): a request it cannot take whole it answers and then closes with the rest
     * unread, and the client's system may then drop that answer (a TCP reset) before the LAS reads it. Refused here,
     * the request is read to its end and the answer arrives.
     */
    static long headerBytes(HttpServletRequest request) {
        long bytes = request.getMethod().length() + request.getRequestURI().length()
                + (request.getQueryString() == null ? 0 : request.getQueryString().length() + 1) + 12;
        for (String naam : Collections.list(request.getHeaderNames())) {
            for (String waarde : Collections.list(request.getHeaders(naam))) {
                bytes += naam.length() + waarde.length() + 4;
            }
        }
        return bytes;
    }

    private void weiger(HttpServletRequest request, HttpServletResponse response, String reden) throws IOException {
        request.setAttribute(REDEN, reden);
        SoapFouten.weiger(response, catalogus.signaal("360", reden));
        audit.geweigerd(null, "360", Toegangscontrole.vingerafdruk(request));
    }

    /** What is wrong with the envelope, as the signal's gegeven (never a submitted value), or null. */
    String envelopFout(String contentType, byte[] inhoud) {
        String tekenset;
        try {
            tekenset = contentType == null ? null : MediaType.parseMediaType(contentType).getParameter("charset");
        } catch (RuntimeException e) {
            return "Content-Type (onleesbaar)";
        }
        if (tekenset != null) {
            tekenset = tekenset.replace("\"", "").trim();
            try {
                if (!Charset.isSupported(tekenset)) {
                    return "tekenset (onbekend; gebruik UTF-8)";
                }
            } catch (RuntimeException e) {
                return "tekenset (onbekend; gebruik UTF-8)";
            }
        }
        XMLStreamReader xml = null;
        try (InputStream in = new ByteArrayInputStream(inhoud)) {
            xml = tekenset == null ? stax.createXMLStreamReader(in) : stax.createXMLStreamReader(in, tekenset);
            String verklaard = xml.getCharacterEncodingScheme();
            if (verklaard != null && tekenset != null) {
                // the Content-Type wins when reading, so a declaration that says otherwise means the LAS and the
                // hub would read different characters: refuse rather than guess
                if (!Charset.isSupported(verklaard)) {
                    return "tekenset in de XML-declaratie (onbekend; gebruik UTF-8)";
                }
                if (!Charset.forName(verklaard).equals(Charset.forName(tekenset))) {
                    return "tekenset (XML-declaratie en Content-Type verschillen)";
                }
            }
            String gelezen = tekenset != null ? tekenset : verklaard != null ? verklaard : xml.getEncoding();
            if (gelezen != null && Charset.isSupported(gelezen) && StandardCharsets.UTF_8.equals(Charset.forName(gelezen))
                    && !strikteUtf8(inhoud)) {
                // the parser decodes an overlong form (C0 AF for '/') or an encoded surrogate as if it were a character:
                // a filter that looks at the bytes and the hub would then read different text
                return "tekenset (geen geldige UTF-8)";
            }
            return new Envelop(xml).fout();
        } catch (Geweigerd e) {
            return e.getMessage();
        } catch (XMLStreamException | RuntimeException e) {
            String diepte = reden(e);
            return diepte != null ? diepte : "XML niet welgevormd";
        } catch (IOException e) {
            return "XML niet welgevormd";
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** Whether the bytes are UTF-8 as the standard has it: no overlong forms, no encoded surrogates, nothing cut off. */
    static boolean strikteUtf8(byte[] inhoud) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(inhoud));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** One pass over the request's events, checking the envelope's shape. */
    private final class Envelop {

        private final XMLStreamReader xml;
        private int diepte;

        Envelop(XMLStreamReader xml) {
            this.xml = xml;
        }

        String fout() throws XMLStreamException {
            if (!naarElement() || !is(SOAP11, "Envelope")) {
                return "geen SOAP 1.1-envelop";
            }
            int envelop = diepte;
            boolean header = false;
            boolean body = false;
            while (true) {
                int soort = volgende();
                if (soort == XMLStreamConstants.END_ELEMENT && diepte == envelop - 1) {
                    break;
                }
                if (isTekst(soort)) {
                    return "tekst in de envelop";
                }
                if (soort != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (is(SOAP11, "Header") && !header && !body) {
                    header = true;
                    String f = header();
                    if (f != null) {
                        return f;
                    }
                } else if (is(SOAP11, "Body") && !body) {
                    body = true;
                    String f = body();
                    if (f != null) {
                        return f;
                    }
                } else {
                    return body ? "inhoud na de Body (alleen één Body, en niets erna)" : "onverwacht element in de envelop";
                }
            }
            if (!body) {
                return "Body ontbreekt";
            }
            // after the Envelope: only comments, processing instructions and white space
            while (xml.hasNext()) {
                int soort = volgende();
                if (soort == XMLStreamConstants.START_ELEMENT || isTekst(soort)) {
                    return "inhoud na de envelop";
                }
            }
            return null;
        }

        /** Whether the endpoint reference adres() read last held reference parameters (or 2004/08's properties). */
        private boolean parameters;

        /**
         * The Header's entries: a WS-Addressing reply or fault address must be the anonymous one, without reference
         * parameters.
         */
        private String header() throws XMLStreamException {
            int header = diepte;
            while (true) {
                int soort = volgende();
                if (soort == XMLStreamConstants.END_ELEMENT && diepte == header - 1) {
                    return null;
                }
                if (soort == XMLStreamConstants.START_ELEMENT && diepte == header + 1 && WSA.contains(xml.getNamespaceURI())
                        && ("ReplyTo".equals(xml.getLocalName()) || "FaultTo".equals(xml.getLocalName()))) {
                    String veld = xml.getLocalName();
                    parameters = false;
                    String adres = adres(diepte);
                    if (adres == null || !ANONIEM.contains(adres.trim())) {
                        return "wsa:" + veld + " (alleen het anonieme adres: het antwoord gaat over dezelfde verbinding)";
                    }
                    if (parameters) {
                        // WS-Addressing would copy them into the answer as headers: the contract's answer has none of them
                        return "wsa:" + veld + " (zonder ReferenceParameters: het antwoord herhaalt geen koppen)";
                    }
                }
            }
        }

        /** The text of the wsa:Address inside the endpoint reference now open, read to its end. */
        private String adres(int referentie) throws XMLStreamException {
            String adres = null;
            while (true) {
                int soort = volgende();
                if (soort == XMLStreamConstants.END_ELEMENT && diepte == referentie - 1) {
                    return adres;
                }
                if (soort == XMLStreamConstants.START_ELEMENT && diepte == referentie + 1
                        && ("ReferenceParameters".equals(xml.getLocalName()) || "ReferenceProperties".equals(xml.getLocalName()))) {
                    parameters = true;
                }
                if (soort == XMLStreamConstants.START_ELEMENT && diepte == referentie + 1 && "Address".equals(xml.getLocalName())) {
                    StringBuilder tekst = new StringBuilder();
                    int a = diepte;
                    while (!((soort = volgende()) == XMLStreamConstants.END_ELEMENT && diepte == a - 1)) {
                        if (soort == XMLStreamConstants.CHARACTERS || soort == XMLStreamConstants.CDATA) {
                            tekst.append(xml.getText());
                        }
                    }
                    adres = tekst.toString();
                }
            }
        }

        /** Exactly one element in the Body, one of the contract's requests; read to the Body's end. */
        private String body() throws XMLStreamException {
            int body = diepte;
            int verzoeken = 0;
            while (true) {
                int soort = volgende();
                if (soort == XMLStreamConstants.END_ELEMENT && diepte == body - 1) {
                    return verzoeken == 1 ? null : "geen verzoek in de Body";
                }
                if (diepte == body && isTekst(soort)) {
                    return "tekst in de Body";
                }
                if (soort == XMLStreamConstants.START_ELEMENT && diepte == body + 1) {
                    if (++verzoeken > 1) {
                        return "meer dan één verzoek in de Body";
                    }
                    if (!Contract.NS.equals(xml.getNamespaceURI()) || !VERZOEKEN.contains(xml.getLocalName())) {
                        return "onbekend verzoek in de Body (aanleverenVerzoek, terugkoppelingVerzoek of registratieoverzichtVerzoek)";
                    }
                }
            }
        }

        private boolean naarElement() throws XMLStreamException {
            while (xml.hasNext()) {
                int soort = volgende();
                if (soort == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (isTekst(soort)) {
                    return false;
                }
            }
            return false;
        }

        private boolean isTekst(int soort) {
            return (soort == XMLStreamConstants.CHARACTERS || soort == XMLStreamConstants.CDATA) && !xml.isWhiteSpace();
        }

        private boolean is(String ns, String naam) {
            return ns.equals(xml.getNamespaceURI()) && naam.equals(xml.getLocalName());
        }

        /** The next event, keeping the depth; a DOCTYPE or too deep a nesting ends the check. */
        private int volgende() throws XMLStreamException {
            int soort = xml.next();
            if (soort == XMLStreamConstants.DTD) {
                throw new Geweigerd("DOCTYPE (niet toegestaan)");
            }
            if (soort == XMLStreamConstants.START_ELEMENT && ++diepte > maxNestingdiepte) {
                throw new Geweigerd("nestingdiepte (maximaal " + maxNestingdiepte + ")");
            }
            // as many elements in one as CXF reads (maxChildElements): a registratieoverzicht of 50,000 numbers was
            // refused by CXF without a word of why
            if (soort == XMLStreamConstants.START_ELEMENT) {
                kinderen[diepte] = 0;
                if (++kinderen[diepte - 1] > SoapBody.MAX_KINDEREN) {
                    throw new Geweigerd("elementen direct in één element (maximaal " + SoapBody.MAX_KINDEREN + ")");
                }
            }
            if (soort == XMLStreamConstants.END_ELEMENT) {
                diepte--;
            }
            // a text, or whitespace between elements, longer in one run than CXF reads (maxTextLength): told here, by name;
            // CXF's own refusal came too late to tell the route why (the body read as nothing)
            if (soort == XMLStreamConstants.CHARACTERS || soort == XMLStreamConstants.SPACE || soort == XMLStreamConstants.CDATA) {
                tekstrun += xml.getTextLength();
                if (tekstrun > SoapBody.MAX_TEKSTLENGTE) {
                    throw new Geweigerd("tekst of witruimte aan één stuk (maximaal " + SoapBody.MAX_TEKSTLENGTE + " tekens)");
                }
            } else {
                tekstrun = 0;
            }
            return soort;
        }

        /** The characters of the text read since the last element boundary, comment or instruction. */
        private long tekstrun;

        /** Per depth, the elements read so far directly inside the open element there (0: the document). */
        private final int[] kinderen = new int[maxNestingdiepte + 1];
    }

    /** A reason found during the pass, carried out of it. */
    private static final class Geweigerd extends RuntimeException {
        Geweigerd(String reden) {
            super(reden, null, false, false);
        }
    }

    /** The request as CXF reads it: the bytes already read and checked. */
    private static final class Gelezen extends HttpServletRequestWrapper {

        private final byte[] inhoud;

        Gelezen(HttpServletRequest request, byte[] inhoud) {
            super(request);
            this.inhoud = inhoud;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bron = new ByteArrayInputStream(inhoud);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bron.read();
                }

                @Override
                public int read(byte[] b, int van, int lengte) {
                    return bron.read(b, van, lengte);
                }

                @Override
                public boolean isFinished() {
                    return bron.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }

                @Override
                public int available() {
                    return bron.available();
                }
            };
        }

        @Override
        public int getContentLength() {
            return inhoud.length;
        }

        @Override
        public long getContentLengthLong() {
            return inhoud.length;
        }
    }
}
