package nl.bronhub.operator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
import org.springframework.http.MediaType;
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
        byte[] body = gelezen.toByteArray();
        String tekenset = nietUtf8(verzoek.getContentType(), body);
        if (tekenset != null) {
            // JSON is UTF-8 (RFC 8259): a body declared or sent in another encoding was read in it and stored garbled
            // ("JosÃ©"), where the API promises what is sent is stored as sent, or refused
            OperatorProbleem.schrijf(antwoord, 415, "mediatype-niet-ondersteund", "Mediatype niet ondersteund", tekenset);
            return;
        }
        chain.doFilter(new Gelezen(verzoek, body), antwoord);
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

    /**
     * Why a body is not UTF-8 text, or null: a charset other than UTF-8 in its Content-Type, a UTF-16 or UTF-32 byte order
     * mark or NUL bytes (Jackson reads those encodings unasked), or bytes that are no UTF-8.
     */
    static String nietUtf8(String contentType, byte[] body) {
        if (contentType != null) {
            try {
                Charset gezegd = MediaType.parseMediaType(contentType).getCharset();
                if (gezegd != null && !StandardCharsets.UTF_8.equals(gezegd)) {
                    return "tekenset " + gezegd.name() + ": het API leest alleen UTF-8 (charset=UTF-8, of geen charset)";
                }
            } catch (RuntimeException onleesbaar) {
                return "Content-Type (onleesbaar; met charset alleen UTF-8)";
            }
        }
        boolean bom16of32 = body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF) || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
        boolean nul = false;
        for (byte b : body) {
            if (b == 0) {
                nul = true;
                break;
            }
        }
        if (bom16of32 || nul) {
            return "de body is geen UTF-8 (UTF-16 of UTF-32?): het API leest alleen UTF-8";
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException geenUtf8) {
            return "de body is geen geldige UTF-8: het API leest alleen UTF-8";
        }
        return null;
    }

    private void teGroot(HttpServletResponse antwoord) throws IOException {
        // the connection is closed after the answer (Tomcat reads the rest of the body first, up to HttpsDeur's bound)
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
