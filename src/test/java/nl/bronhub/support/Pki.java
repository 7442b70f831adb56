package nl.bronhub.support;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import nl.bronhub.toegang.Certificaten;
import nl.bronhub.toegang.ProefPki;

/**
 * The tests' certificates. The test hubs share one test CA and server certificate in {@link #MAP}
 * (made by the hub at first start, or by this class when a test comes first); client certificates are
 * issued here from that CA, one per name, and each comes with its own HTTPS client.
 */
public final class Pki {

    /** bron.tls.map of every test hub. */
    public static final Path MAP = Path.of("target/test-tls");

    /** A LAS's TLS identity: its certificate (null: none) and an HTTPS client that shows it. */
    public record Identiteit(String naam, X509Certificate certificaat, HttpClient http) {
    }

    private static final Map<String, Identiteit> UITGEGEVEN = new ConcurrentHashMap<>();

    private Pki() {
    }

    public static Certificaten.Sleutelpaar ca() {
        ProefPki.maak(MAP, List.of("localhost", "127.0.0.1", "::1"), List.of());
        return Certificaten.lees(ProefPki.crt(MAP, ProefPki.CA), ProefPki.key(MAP, ProefPki.CA));
    }

    /** A client certificate of the test CA, valid now; the same one for the same name. */
    public static Identiteit client(String naam) {
        return UITGEGEVEN.computeIfAbsent(naam, n -> {
            Instant nu = Instant.now();
            return identiteit(n, Certificaten.maakClient(ca(), "CN=" + n + ",O=bron-hub test", nu.minus(Duration.ofHours(1)),
                    nu.plus(Duration.ofDays(30))));
        });
    }

    /** A certificate of the test CA whose validity ended yesterday. */
    public static Identiteit verlopen(String naam) {
        Instant nu = Instant.now();
        return identiteit(naam, Certificaten.maakClient(ca(), "CN=" + naam + ",O=bron-hub test", nu.minus(Duration.ofDays(400)),
                nu.minus(Duration.ofDays(1))));
    }

    /** A certificate from a CA the hub does not trust. */
    public static Identiteit vanVreemdeCa(String naam) {
        Instant nu = Instant.now();
        Certificaten.Sleutelpaar vreemd = Certificaten.maakCa("CN=niet-vertrouwde CA", nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(30)));
        return identiteit(naam, Certificaten.maakClient(vreemd, "CN=" + naam + ",O=elders", nu.minus(Duration.ofHours(1)),
                nu.plus(Duration.ofDays(30))));
    }

    /** No client certificate at all (the hub's server certificate is trusted, as for the operator). */
    public static Identiteit zonderCertificaat() {
        return UITGEGEVEN.computeIfAbsent("(geen)", n -> identiteit(n, null));
    }

    /** A certificate a hub made in its own bron.tls.map, trusting that hub's CA: what a newcomer's curl shows. */
    public static Identiteit uitMap(Path map, String naam) {
        return identiteit(naam, Certificaten.lees(ProefPki.crt(map, naam), ProefPki.key(map, naam)),
                Certificaten.leesCertificaat(ProefPki.crt(map, ProefPki.CA)));
    }

    /** No client certificate, trusting the CA in {@code map}. */
    public static Identiteit zonderCertificaat(Path map) {
        return identiteit("(geen)", null, Certificaten.leesCertificaat(ProefPki.crt(map, ProefPki.CA)));
    }

    /** A LAS's own key with the certificate the hub issued for it (from its CSR). */
    public static Identiteit metSleutel(String naam, X509Certificate certificaat, PrivateKey sleutel) {
        return identiteit(naam, new Certificaten.Sleutelpaar(certificaat, sleutel));
    }

    public static String pem(Identiteit identiteit) {
        return Certificaten.pem(identiteit.certificaat());
    }

    private static Identiteit identiteit(String naam, Certificaten.Sleutelpaar paar) {
        return identiteit(naam, paar, ca().certificaat());
    }

    private static Identiteit identiteit(String naam, Certificaten.Sleutelpaar paar, X509Certificate ca) {
        HttpClient http = HttpClient.newBuilder().sslContext(Certificaten.sslContext(paar, ca)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new Identiteit(naam, paar == null ? null : paar.certificaat(), http);
    }
}
