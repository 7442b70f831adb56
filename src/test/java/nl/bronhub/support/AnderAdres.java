package nl.bronhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * A browser at another client address than the tests' own: its connections leave from 127.0.0.2 (all of
 * 127/8 is this machine's), so that the hub sees a second sender, as it would see a school beside someone
 * guessing at its password. Plain HttpsURLConnection, whose socket factory can bind the local side; Java's
 * HttpClient cannot. Signs in only: what the per-address lock of the portal's sign-in needs.
 */
public final class AnderAdres {

    private final int poort;
    private final SSLSocketFactory fabriek;

    public AnderAdres(int poort, String lokaalAdres) {
        this.poort = poort;
        SSLSocketFactory gewoon = Pki.zonderCertificaat().http().sslContext().getSocketFactory();
        this.fabriek = new Gebonden(gewoon, lokaalAdres);
    }

    /** Signs in with a fresh session; where the portal sends the browser next (its Location). */
    public String logIn(String naam, String wachtwoord) {
        HttpsURLConnection pagina = open("/portaal/inloggen");
        String koekje = pagina.getHeaderField("Set-Cookie").split(";")[0];
        String token = PortaalClient.token(lees(pagina));
        HttpsURLConnection post = open("/portaal/inloggen");
        try {
            post.setRequestMethod("POST");
            post.setRequestProperty("Cookie", koekje);
            post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            post.setDoOutput(true);
            try (OutputStream uit = post.getOutputStream()) {
                uit.write(PortaalClient.formulier(List.of(Map.entry("_csrf", token), Map.entry("brin", naam), Map.entry("wachtwoord", wachtwoord)))
                        .getBytes(StandardCharsets.UTF_8));
            }
            post.getResponseCode();
            return post.getHeaderField("Location");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpsURLConnection open(String pad) {
        try {
            HttpsURLConnection c = (HttpsURLConnection) URI.create("https://localhost:" + poort + pad).toURL().openConnection();
            c.setSSLSocketFactory(fabriek);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "text/html");
            c.setConnectTimeout(10_000);
            c.setReadTimeout(30_000);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lees(HttpURLConnection c) {
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub's own factory, its sockets bound to the given local address before they connect. */
    private static final class Gebonden extends SSLSocketFactory {
        private final SSLSocketFactory gewoon;
        private final String lokaal;

        Gebonden(SSLSocketFactory gewoon, String lokaal) {
            this.gewoon = gewoon;
            this.lokaal = lokaal;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket s = gewoon.createSocket();
            s.bind(new InetSocketAddress(InetAddress.getByName(lokaal), 0));
            return s;
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return gewoon.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress lokaalAdres, int lokalePoort) throws IOException {
            return gewoon.createSocket(host, port, lokaalAdres, lokalePoort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress lokaalAdres, int lokalePoort) throws IOException {
            return gewoon.createSocket(host, port, lokaalAdres, lokalePoort);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return gewoon.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return gewoon.getSupportedCipherSuites();
        }
    }
}
