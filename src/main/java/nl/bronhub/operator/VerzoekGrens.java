package nl.bronhub.operator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At the operator door, a body above bron.operator.max-verzoek-bytes is refused with 413 problem
 * details: at once when its Content-Length says so, else (chunked) as soon as more than that has been
 * read; a body within the limit is handed on as read. The other doors keep their own limits.
 */
final class VerzoekGrens extends OncePerRequestFilter {

    private final long maxBytes;
    private final OperatorKanaal operatorKanaal;

    VerzoekGrens(long maxBytes, OperatorKanaal operatorKanaal) {
        this.maxBytes = maxBytes;
        this.operatorKanaal = operatorKanaal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain chain)
            throws ServletException, IOException {
        if (verzoek.getLocalPort() != operatorKanaal.poort()) {
            chain.doFilter(verzoek, antwoord);
            return;
        }
        String dubbel = dubbeleParameter(verzoek.getQueryString());
        if (dubbel != null) {
            OperatorProbleem.schrijf(antwoord, 400, "ongeldige-invoer", "Ongeldige invoer",
                    OperatorFouten.genoemd(dubbel) + ": een parameter staat meer dan eens in het adres; geef hem eenmaal");
            return;
        }
        long lengte = verzoek.getContentLengthLong();
        if (lengte > maxBytes) {
            teGroot(antwoord);
            return;
        }
        boolean chunked = verzoek.getHeader("Transfer-Encoding") != null;
        if (lengte <= 0 && !chunked) {
            chain.doFilter(verzoek, antwoord);
            return;
        }
        ByteArrayOutputStream gelezen = new ByteArrayOutputStream((int) Math.max(0, Math.min(lengte, 65536)));
        byte[] buffer = new byte[8192];
        InputStream in = verzoek.getInputStream();
        for (int n; (n = in.read(buffer)) != -1; ) {
            if (gelezen.size() + (long) n > maxBytes) {
                teGroot(antwoord);
                return;
            }
            gelezen.write(buffer, 0, n);
        }
        chain.doFilter(new Gelezen(verzoek, gelezen.toByteArray()), antwoord);
    }

    /**
     * The first parameter name the query string holds twice, or null: Spring would take the first value of
     * ?aantal=1&amp;aantal=2 and say nothing, so the operator would not know which one counted.
     */
    static String dubbeleParameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        Set<String> gezien = new HashSet<>();
        for (String paar : query.split("&")) {
            String naam = paar.split("=", 2)[0];
            try {
                naam = URLDecoder.decode(naam, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException onleesbaar) {
                // compared as sent
            }
            if (!naam.isEmpty() && !gezien.add(naam)) {
                return naam;
            }
        }
        return null;
    }

    private void teGroot(HttpServletResponse antwoord) throws IOException {
        // the rest of the body is not read: the connection is closed after the answer
        antwoord.setHeader("Connection", "close");
        OperatorProbleem.schrijf(antwoord, 413, "te-groot", "Verzoek te groot",
                "de body van het verzoek is groter dan " + maxBytes + " bytes (bron.operator.max-verzoek-bytes)");
    }

    /** The request with its body already read (within the limit). */
    private static final class Gelezen extends HttpServletRequestWrapper {

        private final byte[] body;
        private final ServletInputStream stroom;

        Gelezen(HttpServletRequest verzoek, byte[] body) {
            super(verzoek);
            this.body = body;
            this.stroom = stroom(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return stroom;
        }

        private static ServletInputStream stroom(byte[] body) {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener luisteraar) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String tekenset = getCharacterEncoding();
            Charset c = tekenset == null ? StandardCharsets.UTF_8 : Charset.forName(tekenset);
            return new BufferedReader(new InputStreamReader(getInputStream(), c));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
