package nl.bronhub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import nl.bronhub.contract.v1.AanleverenAntwoord;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Terugkoppeling;
import nl.bronhub.support.Databank;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubProces;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import nl.bronhub.support.Mailserver;
import nl.bronhub.support.OperatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.wec;
import static nl.bronhub.support.Berichten.zonderPgn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances (packaged jars, processes of their own) on one PostgreSQL database, LAS clients
 * spread over both as a load balancer would, one instance killed with SIGKILL mid-load. Per
 * aanleverpunt the terugkoppelingen come in the order the berichten were acknowledged, each once; the
 * voortgangsmail that falls due goes out once across the two.
 */
class TweeInstantiesIT {

    private static final List<String> SCHOLEN = List.of("70AY", "70AZ", "70BZ", "70CA");

    @AfterEach
    void ruimOp() {
        HubProces.stopAlle();
    }

    @Test
    void tweeInstantiesOpEenDatabaseHoudenVolgordeEnDoenAllesEenKeer() throws Exception {
        Assumptions.assumeTrue(Databank.postgres(), "instances share a PostgreSQL database (the build's postgres run)");
        Path data = Files.createDirectories(Path.of("target", "twee-instanties", "run-" + System.currentTimeMillis()));
        try (Mailserver smtp = new Mailserver()) {
            Map<String, Object> gedeeld = Hub.testEigenschappen(data);
            gedeeld.put("bron.mail.uri", smtp.uri());
            gedeeld.put("bron.voortgang.start-vertraging-ms", "0");
            gedeeld.put("bron.voortgang.interval-ms", "300");
            HubProces a = new HubProces(Files.createDirectories(data.resolve("a")), gedeeld).start();
            HubProces b = new HubProces(Files.createDirectories(data.resolve("b")), gedeeld).start();

            // a school in its connection phase whose week-3 mail is due on the hubs' 'today' (2 November)
            OperatorClient operator = new OperatorClient(a.operatorPoort());
            assertThat(operator.put("/aanleverpunten/70CA/1", OperatorClient.aanleverpunt("gemachtigde@70ca.example", "2026-10-05", 40, 4))
                    .status()).isEqualTo(200);

            List<Las> lassen = new ArrayList<>();
            for (String brin : SCHOLEN) {
                Hub.gemachtigd(operator, brin, "1");
                lassen.add(new Las(brin, a, b));
            }
            lassen.forEach(l -> l.draad.start());
            await().atMost(Duration.ofSeconds(120)).until(() -> lassen.stream().allMatch(l -> l.erkend.size() >= 60));
            a.kill();
            // the load balancer takes A out; its clients go on with B, sending again what A did not answer
            lassen.forEach(l -> l.alleenB = true);
            int voor = lassen.stream().mapToInt(l -> l.erkend.size()).sum();
            await().atMost(Duration.ofSeconds(120)).until(() -> lassen.stream().mapToInt(l -> l.erkend.size()).sum() >= voor + 200);
            lassen.forEach(l -> l.stoppen = true);
            for (Las las : lassen) {
                las.draad.join(Duration.ofSeconds(120).toMillis());
            }

            for (Las las : lassen) {
                assertThat(las.onverwacht).as(las.brin).isEmpty();
                assertThat(las.erkend).as(las.brin).hasSizeGreaterThan(10);
                LasClient viaB = las.client(b);
                List<Terugkoppeling> alle = await().atMost(Duration.ofSeconds(90))
                        .until(() -> HubTest.alle(viaB), l -> l.size() >= las.erkend.size());
                // in the order the LAS had them acknowledged, whichever instance took them and processed them
                assertThat(alle).extracting(Terugkoppeling::getBerichtIdentificatie).containsExactlyElementsOf(las.erkend);
                assertThat(alle).extracting(Terugkoppeling::getVolgnummer)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, alle.size()).boxed().toList());
                // acknowledged (the LAS fetched past them): never served again
                assertThat(viaB.ophalen(alle.get(alle.size() - 1).getVolgnummer()).getTerugkoppeling()).isEmpty();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> smtp.aan("gemachtigde@70ca.example").size() >= 1);
            // and it stays one, while both instances keep running their mail schedule (every 300 ms)
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smtp.aan("gemachtigde@70ca.example").size() == 1);
            b.stop();

            try (Connection db = DriverManager.getConnection((String) gedeeld.get("spring.datasource.url"), "postgres", "")) {
                for (Las las : lassen) {
                    assertThat(Databank.getal(db, "select count(*) from inschrijving where brin = '" + las.brin + "'")).isEqualTo(las.erkend.size());
                    assertThat(Databank.getal(db, "select count(*) from bericht b join aanleverpunt a on a.id = b.aanleverpunt_id where a.brin = '"
                            + las.brin + "'")).isEqualTo(las.erkend.size());
                }
                assertThat(Databank.getal(db, "select count(*) from bericht where status <> 'VERWERKT'")).isZero();
            }
        }
    }

    /** A LAS sending ten new pupils per request, in turn to A and B, until told to stop. */
    private static final class Las implements Runnable {

        final String brin;
        final HubProces a;
        final HubProces b;
        /** Identificaties in the order the hub acknowledged them (ontvangen, or 396 on a resend). */
        final List<String> erkend = Collections.synchronizedList(new ArrayList<>());
        final List<String> onverwacht = Collections.synchronizedList(new ArrayList<>());
        final Thread draad = new Thread(this, "las");
        volatile boolean alleenB;
        volatile boolean stoppen;

        Las(String brin, HubProces a, HubProces b) {
            this.brin = brin;
            this.a = a;
            this.b = b;
        }

        LasClient client(HubProces hub) {
            return new LasClient(hub.lasPoort(), brin, "1", Hub.STANDAARD_LAS.get());
        }

        @Override
        public void run() {
            int beurt = 0;
            while (!stoppen) {
                List<Bericht> berichten = IntStream.range(0, 10)
                        .mapToObj(i -> inschrijven(zonderPgn("2015-03-1" + i), wec("2026-08-01"))).toList();
                for (int poging = 0; ; poging++) {
                    HubProces hub = alleenB || (beurt + poging) % 2 == 1 ? b : a;
                    Object antwoord;
                    try {
                        antwoord = client(hub).verstuur(client(hub).aanleverVerzoek(berichten.toArray(Bericht[]::new)));
                    } catch (RuntimeException weg) {
                        wacht();
                        continue;
                    }
                    if (antwoord instanceof AanleverenAntwoord ant) {
                        boolean herhaling = poging > 0;
                        ant.getBerichtResultaat().forEach(r -> {
                            if (r.getStatus() == Ontvangststatus.ONTVANGEN
                                    || (herhaling && r.getSignaal().size() == 1 && "396".equals(r.getSignaal().get(0).getCode()))) {
                                erkend.add(r.getBerichtIdentificatie());
                            } else {
                                onverwacht.add(r.getBerichtIdentificatie() + " " + r.getSignaal().stream().map(s -> s.getCode()).toList());
                            }
                        });
                        break;
                    }
                    wacht();
                    if (poging > 500) {
                        onverwacht.add("no answer after 500 attempts");
                        break;
                    }
                }
                beurt++;
            }
        }

        /** A LAS's pause before it sends again: 100 ms. */
        private static void wacht() {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
