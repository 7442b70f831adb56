package nl.bronhub.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.bronhub.BronHubApplication;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.TerugkoppelingAntwoord;
import nl.bronhub.operator.OperatorKanaal;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Tests against one running hub (real Tomcat on a random port, real H2 in file mode), shared by the
 * test classes that extend this. Each test uses its own aanleverpunt, so they do not see each other.
 */
@CamelSpringBootTest
@SpringBootTest(classes = BronHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bron.klok.vast=" + Hub.VANDAAG + "T09:00:00Z",
        "bron.verwerking.interval-ms=50",
        "bron.terugkoppeling.opschonen-interval-ms=200",
        "bron.verwerking.opschonen-interval-ms=200",
        "bron.referentie.instellingen=" + Hub.REFERENTIE,
        "bron.gba.stub.bestanden=" + Hub.GBA,
        "bron.gba.mutaties.map=" + HubTest.GBA_MUTATIES,
        "bron.gba.mutaties.interval-ms=100",
        "bron.gtb.ab-opgaven.map=" + HubTest.AB_OPGAVEN,
        "bron.gtb.ab-opgaven.interval-ms=100",
        // a test's file without a line ending after its last line is read after 3 s, not a minute
        "bron.afleverbestanden.regeleinde-wachten=3s",
        "bron.aanleverpunten.bestand=" + Hub.AANLEVERPUNTEN,
        "bron.mail.ingebouwd=false",
        // no mail server: the default port is a running demo hub's (see Hub)
        "bron.mail.ingebouwd-poort=1",
        "bron.intake.max-verzoek-bytes=4194304",
        // SoapDeurTest holds this many requests of the tests' vendor open, and trickles their bodies past the read time
        "bron.intake.max-gelijktijdig-per-certificaat=6",
        "bron.intake.max-leestijd=PT5S",
        "bron.operator.wachtwoord=" + OperatorClient.WACHTWOORD,
        "bron.operator.poort=0",
        "bron.portaal.poort=0",
        "bron.portaal.wachtwoordbrieven=",
        "bron.tls.map=target/test-tls",
        // the shared hub's fixed 'today' falls in the phase of aanleverpunten tests register: no mails here
        "bron.voortgang.start-vertraging-ms=86400000"})
public abstract class HubTest {

    /** The watched directory of the shared hub's GBA change feed. */
    public static final String GBA_MUTATIES = "target/test-data/gba-mutaties";

    /** The watched directory of the shared hub's AB lists. */
    public static final String AB_OPGAVEN = "target/test-data/ab-opgaven";

    /**
     * The shared hub's database: a fresh H2 file under target/test-data, or in the build's PostgreSQL run a
     * fresh database on that server. The H2 directory is named in letters only: a random hex name once
     * held nine digits that passed the BSN check, and LogPrivacyTest rightly flagged the log line with it.
     */
    @DynamicPropertySource
    static void databank(DynamicPropertyRegistry registry) {
        Databank.nieuwe(Path.of("target/test-data", "hub-" + Berichten.uniekeLetters()))
                .forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private OperatorKanaal operatorKanaal;

    @BeforeEach
    protected void hubIsKlaar() {
        Hub.wachtTotKlaar(port);
    }

    /** A LAS of the tests' vendor, which the school (brin) has mandated. */
    protected LasClient las(String brin, String aanleverpuntnummer) {
        Hub.gemachtigd(operator(), brin, aanleverpuntnummer);
        return new LasClient(port, brin, aanleverpuntnummer, Hub.STANDAARD_LAS.get());
    }

    /** The operator API's port (the operator door), beside {@link #port} (the LAS door). */
    protected int operatorPoort() {
        return operatorKanaal.poort();
    }

    protected OperatorClient operator() {
        return new OperatorClient(operatorPoort());
    }

    /** Waits until the hub has processed the bericht and its terugkoppeling can be fetched. */
    public static Terugkoppeling terugkoppelingVan(LasClient las, String berichtIdentificatie) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> alle(las).stream()
                .filter(t -> berichtIdentificatie.equals(t.getBerichtIdentificatie())).findFirst(), Optional::isPresent).get();
    }

    /** Waits until the queue holds {@code aantal} terugkoppelingen, and gives them in volgnummer order. */
    public static List<Terugkoppeling> alleVan(LasClient las, int aantal) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> alle(las), l -> l.size() >= aantal);
    }

    /**
     * Everything this LAS has received from the start: what it stored before, plus the queue read page by page
     * from 0 (which, for the hub, starts after what was acknowledged before). Pages after the first acknowledge the
     * ones before them, as a LAS catching up does; the last page stays unacknowledged, so a test can read again.
     */
    public static List<Terugkoppeling> alle(LasClient las) {
        synchronized (las.ontvangen) {
            long laatste = 0;
            TerugkoppelingAntwoord pagina;
            do {
                pagina = las.ophalen(laatste);
                pagina.getTerugkoppeling().forEach(t -> las.ontvangen.put(t.getVolgnummer(), t));
                if (!pagina.getTerugkoppeling().isEmpty()) {
                    laatste = pagina.getTerugkoppeling().get(pagina.getTerugkoppeling().size() - 1).getVolgnummer();
                }
            } while (pagina.isMeerBeschikbaar());
            return new ArrayList<>(las.ontvangen.values());
        }
    }
}
