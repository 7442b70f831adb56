package nl.bronhub;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import nl.bronhub.support.Hub;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import nl.bronhub.toegang.ProefPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo parts (the embedded mail server, the test PKI) are on only in the demo profile, the one in
 * force when no profile is chosen: a hub started with another profile, as production starts it, makes
 * no certificates and has no mail server inside; the same hub without a profile has both.
 */
class DemoProfielTest {

    @TempDir
    Path data;

    @Test
    void eenAnderProfielLaatDeDemodelenUit() throws Exception {
        Map<String, Object> eigenschappen = eigenschappen();
        // another profile than demo (postgres, as production runs); the database stays the test's own, its URL given outright
        String profielen = (String) eigenschappen.getOrDefault("spring.profiles.active", "postgres");
        eigenschappen.put("spring.profiles.active", profielen.replace("demo,", ""));

        try (Hub hub = Hub.start(eigenschappen)) {
            assertThat(ProefPki.crt(tls(), "las-00AA-1")).as("a LAS certificate of the test PKI").doesNotExist();
            assertThat(operator(hub).get("/mailserver/berichten").status()).as("the embedded mail server's inbox").isEqualTo(404);
        }
    }

    @Test
    void zonderProfielDraaitDeDemo() throws Exception {
        Map<String, Object> eigenschappen = eigenschappen();
        // the PostgreSQL test run chooses demo,postgres itself; on H2 no profile is chosen, so demo is the default
        try (Hub hub = Hub.start(eigenschappen)) {
            assertThat(ProefPki.crt(tls(), "las-00AA-1")).as("a LAS certificate of the test PKI").exists();
            assertThat(operator(hub).get("/mailserver/berichten").status()).as("the embedded mail server's inbox").isEqualTo(200);
        }
    }

    private Path tls() {
        return data.resolve("tls");
    }

    private OperatorClient operator(Hub hub) {
        return new OperatorClient(hub.operatorPoort(), "operator", OperatorClient.WACHTWOORD, Pki.zonderCertificaat(tls()));
    }

    /** A test hub whose TLS directory holds only what a production operator brings: the CA and the server certificate. */
    private Map<String, Object> eigenschappen() throws Exception {
        Files.createDirectories(tls());
        Pki.ca();
        for (String naam : new String[] {ProefPki.CA, ProefPki.HUB}) {
            Files.copy(ProefPki.crt(Pki.MAP, naam), ProefPki.crt(tls(), naam));
            Files.copy(ProefPki.key(Pki.MAP, naam), ProefPki.key(tls(), naam));
        }
        Map<String, Object> eigenschappen = Hub.testEigenschappen(data);
        eigenschappen.put("bron.tls.map", tls().toString());
        eigenschappen.put("bron.tls.proefcertificaten", "las-00AA-1");
        // a production seed of the certificate register: the demo's names certificates production does not have
        Path toegang = data.resolve("toegang.yaml");
        Files.writeString(toegang, "certificaten: []\nmandaten: []\n");
        eigenschappen.put("bron.toegang.bestand", toegang.toString());
        // left to the profile; its port a free one, should the demo's server start
        eigenschappen.remove("bron.mail.ingebouwd");
        try (ServerSocket vrij = new ServerSocket(0)) {
            eigenschappen.put("bron.mail.ingebouwd-poort", String.valueOf(vrij.getLocalPort()));
        }
        return eigenschappen;
    }
}
