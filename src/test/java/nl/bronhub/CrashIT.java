package nl.bronhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.contract.v1.Verwerkingsresultaat;
import nl.bronhub.support.Databank;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubProces;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.OperatorClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged hub under steady load from several LAS clients, killed with SIGKILL at random moments
 * (crash.kills times, 10 in CI) and started again, or stopped with SIGTERM under load. Afterwards every
 * bericht the hub holds (answered 'ontvangen', or 396 when the LAS sent it again after a lost answer)
 * has exactly one registration and one terugkoppeling, nothing else is in the register, and each
 * queue's volgnummers run 1..n without gaps or repeats.
 */
class CrashIT {

    /** WEC schools of the tests' reference register, one LAS each. */
    private static final List<String> SCHOLEN = List.of("70AY", "70AZ", "70BZ", "70CA");

    /** Kept after the run (under target/), so that a failure's hub logs and database can be read. */
    private Path data;

    @BeforeEach
    void map(TestInfo test) throws IOException {
        data = Files.createDirectories(Path.of("target", "crash-it",
                test.getTestMethod().orElseThrow().getName() + "-" + System.currentTimeMillis()));
    }

    @Test
    void naElkeKillIsAllesWatErkendIsErPreciesEenKeer() throws Exception {
        int kills = Integer.getInteger("crash.kills", 10);
        Random toeval = new Random(Long.getLong("crash.seed", System.nanoTime()));
        HubProces hub = new HubProces(data).start();
        List<Las> lassen = lassen(hub);
        for (int i = 1; i <= kills; i++) {
            // a random moment under load: after a random number of berichten more have been acknowledged
            int erkendVoor = erkend(lassen);
            int verder = 20 + toeval.nextInt(150);
            await().atMost(Duration.ofSeconds(120)).until(() -> erkend(lassen) >= erkendVoor + verder);
            hub.kill();
            hub.start();
            // load goes on while the hub is down and after: the LAS clients retry what was not answered
        }
        naMeerErkend(lassen, 50);
        stop(lassen);
        controleer(hub, lassen);
        System.out.printf("CrashIT: %d kills, %d berichten held, %d of them told 396 after a lost answer, %d requests answered 358%n",
                kills, erkend(lassen), lassen.stream().mapToInt(l -> l.na396.get()).sum(), lassen.stream().mapToInt(l -> l.herhaald.get()).sum());
    }

    @Test
    void eenNetteStopOnderBelastingVerliestNiets() throws Exception {
        HubProces hub = new HubProces(data).start();
        List<Las> lassen = lassen(hub);
        naMeerErkend(lassen, 200);
        int code = hub.stop();
        // SIGTERM: the JVM's exit code 143 after Spring's graceful shutdown
        assertThat(code).isIn(0, 143);
        assertThat(hub.log()).content().doesNotContain("Exception in thread").contains("Graceful shutdown complete")
                // H2 closed under the running pollers by its own shutdown hook (DB_CLOSE_ON_EXIT) logged stack traces
                .doesNotContain("already closed");
        hub.start();
        naMeerErkend(lassen, 50);
        stop(lassen);
        // in-flight requests were answered whole, or refused (connection refused, or 358): never a half answer
        for (Las las : lassen) {
            assertThat(las.onzuiver).isEmpty();
        }
        controleer(hub, lassen);
    }

    @AfterEach
    void ruimOp() {
        HubProces.stopAlle();
    }

    private List<Las> lassen(HubProces hub) {
        OperatorClient operator = new OperatorClient(hub.operatorPoort());
        List<Las> lassen = new ArrayList<>();
        for (String brin : SCHOLEN) {
            Hub.gemachtigd(operator, brin, "1");
            Las las = new Las(new LasClient(hub.lasPoort(), brin, "1", Hub.STANDAARD_LAS.get()));
            las.draad.start();
            lassen.add(las);
        }
        return lassen;
    }

    /** Lets the load run until the LAS clients have had {@code meer} more berichten acknowledged. */
    private static void naMeerErkend(List<Las> lassen, int meer) {
        int nu = erkend(lassen);
        await().atMost(Duration.ofSeconds(120)).until(() -> erkend(lassen) >= nu + meer);
    }

    private static int erkend(List<Las> lassen) {
        return lassen.stream().mapToInt(l -> l.erkend.size()).sum();
    }

    private static void stop(List<Las> lassen) throws InterruptedException {
        lassen.forEach(l -> l.stoppen = true);
        for (Las las : lassen) {
            las.draad.join(Duration.ofSeconds(120).toMillis());
            assertThat(las.draad.isAlive()).isFalse();
        }
    }

    private void controleer(HubProces hub, List<Las> lassen) throws Exception {
        Map<Las, List<Terugkoppeling>> gezien = new HashMap<>();
        for (Las las : lassen) {
            assertThat(las.onverwacht).as(las.client.header().getVerzendendeInstantie().getBrin()).isEmpty();
            assertThat(las.erkend).isNotEmpty();
            // what the LAS sees: one terugkoppeling per bericht the hub holds, volgnummers 1..n
            List<Terugkoppeling> alle;
            try {
                alle = await().atMost(Duration.ofSeconds(120)).until(() -> HubTest.alle(las.client), l -> l.size() >= las.erkend.size());
            } catch (ConditionTimeoutException e) {
                // let the assertions below name what is missing
                alle = HubTest.alle(las.client);
            }
            gezien.put(las, alle);
        }
        assertThat(hub.stop()).isIn(0, 143);
        for (Las las : lassen) {
            List<Terugkoppeling> alle = gezien.get(las);
            List<String> ids = alle.stream().map(Terugkoppeling::getBerichtIdentificatie).toList();
            Set<String> ontbrekend = new TreeSet<>(las.erkend);
            ids.forEach(ontbrekend::remove);
            Set<String> extra = new TreeSet<>(ids);
            extra.removeAll(las.erkend);
            // a failure says first what differs and why, before the long lists
            assertThat(ontbrekend).as(() -> "acknowledged without terugkoppeling; " + waarom(hub, ontbrekend)).isEmpty();
            assertThat(extra).as("terugkoppelingen of berichten never acknowledged").isEmpty();
            assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(las.erkend);
            assertThat(alle).extracting(Terugkoppeling::getResultaat).containsOnly(Verwerkingsresultaat.GEREGISTREERD);
            assertThat(alle).extracting(Terugkoppeling::getVolgnummer)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, alle.size()).boxed().toList());
        }

        // what the register holds, read from the database the stopped hub left behind
        try (Connection db = DriverManager.getConnection((String) hub.eigenschappen().get("spring.datasource.url"), "sa", "")) {
            assertThat(Databank.getal(db, "select count(*) from bericht where status <> 'VERWERKT'")).isZero();
            for (Las las : lassen) {
                String brin = las.client.header().getVerzendendeInstantie().getBrin();
                int n = las.erkend.size();
                assertThat(identificaties(db, brin)).as(brin).containsExactlyInAnyOrderElementsOf(las.erkend);
                assertThat(Databank.getal(db, "select count(*) from inschrijving where brin = '" + brin + "'")).as(brin + " inschrijvingen").isEqualTo(n);
                assertThat(Databank.getal(db, "select count(*) from terugkoppeling t join aanleverpunt a on a.id = t.aanleverpunt_id where a.brin = '"
                        + brin + "'")).as(brin + " terugkoppelingen").isEqualTo(n);
                assertThat(Databank.getal(db, "select laatste_volgnummer from aanleverpunt where brin = '" + brin + "'")).isEqualTo(n);
            }
        }
    }

    /** For a failure's message: what the stopped hub's database holds of these berichten, and what its log warned. */
    private static String waarom(HubProces hub, Set<String> ids) {
        StringBuilder uitleg = new StringBuilder();
        try (Connection db = DriverManager.getConnection((String) hub.eigenschappen().get("spring.datasource.url"), "sa", "")) {
            for (String id : ids.stream().limit(20).toList()) {
                var st = db.prepareStatement("select status, pogingen, laatste_fout, volgende_poging_op from bericht where identificatie = ?");
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    uitleg.append(id).append(": ").append(rs.next() ? rs.getString(1) + ", attempts " + rs.getInt(2) + ", "
                            + rs.getString(3) + ", next " + rs.getTimestamp(4) : "not in the database").append('\n');
                }
            }
            uitleg.append(Databank.getal(db, "select count(*) from bericht where status = 'ONTVANGEN'")).append(" berichten waiting\n");
        } catch (Exception e) {
            uitleg.append("database not readable: ").append(e).append('\n');
        }
        try {
            Files.readAllLines(hub.log()).stream().filter(r -> r.contains(" WARN ") || r.contains(" ERROR "))
                    .limit(30).forEach(r -> uitleg.append(r).append('\n'));
        } catch (IOException e) {
            uitleg.append("log not readable\n");
        }
        return uitleg.toString();
    }

    private static Set<String> identificaties(Connection db, String brin) throws Exception {
        Set<String> ids = new HashSet<>();
        try (ResultSet rs = db.createStatement().executeQuery("select b.identificatie from bericht b join aanleverpunt a "
                + "on a.id = b.aanleverpunt_id where a.brin = '" + brin + "'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /**
     * A LAS delivering new pupils, one to five per request, for as long as it runs. A request whose
     * answer is lost (the hub died, or answered 358) is sent again as it was: a bericht the hub had
     * stored then comes back as 396 (identificatie used before), which tells the LAS it is held.
     */
    private static final class Las implements Runnable {

        final LasClient client;
        final Set<String> erkend = ConcurrentHashMap.newKeySet();
        final List<String> onverwacht = Collections.synchronizedList(new ArrayList<>());
        /** Answers that arrived but were not SOAP (a half answer, an error page). */
        final List<String> onzuiver = Collections.synchronizedList(new ArrayList<>());
        final Thread draad = new Thread(this, "las");
        final Random toeval = new Random();
        final AtomicInteger herhaald = new AtomicInteger();
        final AtomicInteger na396 = new AtomicInteger();
        volatile boolean stoppen;

        Las(LasClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            while (!stoppen) {
                List<Bericht> berichten = new ArrayList<>();
                for (int i = 0, n = 1 + toeval.nextInt(5); i < n; i++) {
                    berichten.add(inschrijven(zonderPgn("2015-0" + (1 + toeval.nextInt(9)) + "-1" + toeval.nextInt(10)), wec("2026-08-01")));
                }
                verstuurTotBeantwoord(berichten);
            }
        }

        private void verstuurTotBeantwoord(List<Bericht> berichten) {
            for (int poging = 0; poging < 2000; poging++) {
                Object antwoord;
                try {
                    antwoord = client.verstuur(client.aanleverVerzoek(berichten.toArray(Bericht[]::new)));
                } catch (RuntimeException verbindingWeg) {
                    // refused or cut off: nothing to read. An answer that came but is no SOAP is not clean.
                    if (String.valueOf(verbindingWeg.getMessage()).startsWith("Not a SOAP answer")) {
                        onzuiver.add(verbindingWeg.getMessage().substring(0, Math.min(200, verbindingWeg.getMessage().length())));
                    }
                    wacht();
                    continue;
                }
                if (antwoord instanceof AanleverenAntwoord a) {
                    boolean herhaling = poging > 0;
                    a.getBerichtResultaat().forEach(r -> {
                        boolean gehouden = r.getStatus() == Ontvangststatus.ONTVANGEN
                                || (herhaling && r.getSignaal().size() == 1 && "396".equals(r.getSignaal().get(0).getCode()));
                        if (gehouden) {
                            erkend.add(r.getBerichtIdentificatie());
                            if (r.getStatus() != Ontvangststatus.ONTVANGEN) {
                                na396.incrementAndGet();
                            }
                        } else {
                            onverwacht.add(r.getBerichtIdentificatie() + ": " + r.getStatus() + " "
                                    + r.getSignaal().stream().map(s -> s.getCode()).toList());
                        }
                    });
                    return;
                }
                // 358: the hub could not store (e.g. while stopping), nothing is held: send again
                LasClient.Fout fout = (LasClient.Fout) antwoord;
                if (!fout.signalen().stream().map(s -> s.getCode()).toList().equals(List.of("358"))) {
                    // when, to find it in the hub's log
                    onverwacht.add("fault " + fout.faultstring() + " (HTTP " + fout.httpStatus() + ", " + Instant.now() + ")");
                    return;
                }
                herhaald.incrementAndGet();
                wacht();
            }
            onverwacht.add("no answer after 2000 attempts");
        }

        /** A LAS's pause before it sends again: 100 ms. */
        private static void wacht() {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
