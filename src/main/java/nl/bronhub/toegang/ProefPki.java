package nl.bronhub.toegang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The default run's certificates, made at first start (bron.tls.maken) in bron.tls.map, before Tomcat
 * reads them: a test CA, the hub's server certificate signed by it, and LAS client certificates for the
 * seeded demo aanleverpunt and demo vendor. What is there already is kept; no private key is ever in
 * the repository. Production sets bron.tls.maken to false and points the SSL bundle at real files.
 */
public class ProefPki implements EnvironmentPostProcessor, Ordered {

    public static final String CA = "ca";
    public static final String HUB = "hub";
    /** The client certificate the hub shows a LAS's push endpoint (the demo's SSL bundle push). */
    public static final String PUSH = "hub-push";

    private final Log log;

    public ProefPki(DeferredLogFactory logs) {
        this.log = logs.getLog(ProefPki.class);
    }

    @Override
    public int getOrder() {
        // after config/application.yaml and the command line are in the environment
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        // before the context: the same settings, bound as the beans will have them
        TlsEigenschappen tls = Binder.get(env).bindOrCreate("bron.tls", TlsEigenschappen.class);
        if (!tls.maken()) {
            return;
        }
        if (tls.map() == null || tls.map().isBlank()) {
            throw new IllegalStateException("bron.tls.map is empty: bron.tls.maken needs a directory to make the test certificates in");
        }
        Path map = Path.of(tls.map());
        List<String> servernamen = lijst(tls.servernamen());
        List<String> clients = lijst(tls.proefcertificaten());
        List<String> gemaakt = maak(map, servernamen, clients);
        if (!gemaakt.isEmpty()) {
            log.info("Test certificates made in " + map + ": " + String.join(", ", gemaakt));
        }
    }

    /** Makes whatever of the test PKI is missing in {@code map}; answers what it made. */
    public static synchronized List<String> maak(Path map, List<String> servernamen, List<String> clients) {
        Instant nu = Instant.now();
        List<String> gemaakt = new ArrayList<>();
        Certificaten.Sleutelpaar ca;
        if (Files.exists(crt(map, CA))) {
            ca = Certificaten.lees(crt(map, CA), key(map, CA));
        } else {
            ca = Certificaten.maakCa("CN=bron-hub proef-CA,O=bron-hub", nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(3650)));
            Certificaten.schrijf(ca, crt(map, CA), key(map, CA));
            gemaakt.add(CA);
        }
        if (!Files.exists(crt(map, HUB))) {
            Certificaten.schrijf(Certificaten.maakServer(ca, "CN=" + servernamen.get(0) + ",O=bron-hub", servernamen,
                    nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(825))), crt(map, HUB), key(map, HUB));
            gemaakt.add(HUB);
        }
        for (String client : Stream.concat(clients.stream(), Stream.of(PUSH)).distinct().toList()) {
            if (!Files.exists(crt(map, client))) {
                Certificaten.schrijf(Certificaten.maakClient(ca, "CN=" + client + ",O=bron-hub proef",
                        nu.minus(Duration.ofDays(1)), nu.plus(Duration.ofDays(825))), crt(map, client), key(map, client));
                gemaakt.add(client);
            }
        }
        return gemaakt;
    }

    public static Path crt(Path map, String naam) {
        return map.resolve(naam + ".crt");
    }

    public static Path key(Path map, String naam) {
        return map.resolve(naam + ".key");
    }

    private static List<String> lijst(List<String> waarden) {
        return waarden.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
