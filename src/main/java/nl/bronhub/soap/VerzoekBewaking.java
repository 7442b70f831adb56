package nl.bronhub.soap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.audit.AuditSpoor;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the SOAP listener before any XML parser sees a request: a request larger than
 * bron.intake.max-verzoek-bytes, or one with a DOCTYPE (the door to external entities and entity
 * bombs; the contract needs no DTD), is refused with signal 360. With a Content-Length the answer
 * comes before the body is read; otherwise the bytes are counted as CXF reads them, and the reason is
 * left on the request for EnvelopFoutInterceptor.
 */
@Component
public class VerzoekBewaking extends OncePerRequestFilter {

    /** Request attribute naming why the request was refused, read by EnvelopFoutInterceptor. */
    public static final String REDEN = VerzoekBewaking.class.getName() + ".reden";

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private final long maxBytes;
    private final int maxNestingdiepte;
    private final SignaalCatalogus catalogus;
    private final AuditSpoor audit;

    public VerzoekBewaking(@Value("${bron.intake.max-verzoek-bytes}") long maxBytes,
                           @Value("${bron.intake.max-nestingdiepte}") int maxNestingdiepte, SignaalCatalogus catalogus,
                           AuditSpoor audit) {
        this.maxBytes = maxBytes;
        this.maxNestingdiepte = maxNestingdiepte;
        this.catalogus = catalogus;
        this.audit = audit;
    }

    /**
     * Which of the intake's limits a failure to read the request comes from, or null: the LAS vendor
     * is told which (as the signal's gegeven). CXF parses the body lazily, so this failure can surface
     * in CXF or in the route that first touches the body.
     */
    public String reden(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof Geweigerd) {
                return t.getMessage();
            }
            // CXF's and Woodstox's depth limits both say so in their message
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("depth")) {
                return "nestingdiepte (maximaal " + maxNestingdiepte + ")";
            }
        }
        return null;
    }

    public static String omvang(long maxBytes) {
        return "omvang verzoek (maximaal " + maxBytes + " bytes)";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/services/") || !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // the body is not read; the connection closes rather than draining megabytes
            SoapFouten.weiger(response, catalogus.signaal("360", omvang(maxBytes)));
            audit.geweigerd(null, "360", nl.bronhub.toegang.Toegangscontrole.vingerafdruk(request));
            return;
        }
        chain.doFilter(new Bewaakt(request), response);
    }

    /** Thrown from the request stream; CXF turns it into a fault, and the reason is on the request. */
    static final class Geweigerd extends IOException {
        Geweigerd(String reden) {
            super(reden);
        }
    }

    private final class Bewaakt extends HttpServletRequestWrapper {

        private ServletInputStream invoer;

        Bewaakt(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (invoer == null) {
                invoer = new Invoer((HttpServletRequest) getRequest(), super.getInputStream());
            }
            return invoer;
        }
    }

    /** Counts the bytes read, and looks for a DOCTYPE in the prolog (before the first element). */
    private final class Invoer extends ServletInputStream {

        private final HttpServletRequest request;
        private final ServletInputStream bron;
        private long gelezen;
        private boolean inProloog = true;
        private int doctypePositie;
        private int vorige = -1;

        Invoer(HttpServletRequest request, ServletInputStream bron) {
            this.request = request;
            this.bron = bron;
        }

        @Override
        public int read() throws IOException {
            int b = bron.read();
            if (b >= 0) {
                bekijk((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int van, int lengte) throws IOException {
            int n = bron.read(buffer, van, lengte);
            for (int i = 0; i < n; i++) {
                bekijk(buffer[van + i]);
            }
            return n;
        }

        private void bekijk(byte b) throws IOException {
            if (++gelezen > maxBytes) {
                weiger(omvang(maxBytes));
            }
            if (!inProloog) {
                return;
            }
            doctypePositie = (b == DOCTYPE[doctypePositie]) ? doctypePositie + 1 : (b == '<' ? 1 : 0);
            if (doctypePositie == DOCTYPE.length) {
                weiger("DOCTYPE (niet toegestaan)");
            }
            // the prolog ends at the first '<' followed by a name character: the root element
            if (vorige == '<' && b != '?' && b != '!') {
                inProloog = false;
            }
            vorige = b;
        }

        private void weiger(String reden) throws Geweigerd {
            request.setAttribute(REDEN, reden);
            throw new Geweigerd(reden);
        }

        @Override
        public boolean isFinished() {
            return bron.isFinished();
        }

        @Override
        public boolean isReady() {
            return bron.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            bron.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return bron.available();
        }
    }
}
