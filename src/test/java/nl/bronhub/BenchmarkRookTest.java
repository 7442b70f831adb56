package nl.bronhub;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.bronhub.benchmark.Belasting;
import nl.bronhub.benchmark.Generator;
import nl.bronhub.benchmark.Populatie;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.OperatorClient;
import nl.bronhub.support.Pki;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark the repository ships (BENCHMARKS.md) still drives a hub, in miniature: the generator's files,
 * the driver as a LAS vendor over two-way TLS, every terugkoppeling fetched, the echo ceiling. It broke twice
 * without a test noticing (366 once vendors needed registered aanleverpunten, 360 once the door checked its
 * address). No speed is asserted: figures come from benchmark/draai.sh on a quiet machine.
 */
class BenchmarkRookTest {

    @Test
    void deDriverLevertAanHaaltAllesOpEnMeetHetPlafond() throws Exception {
        // letters only: a path is logged, and digits in it would look like a BSN to LogPrivacyTest
        Path map = Files.createDirectories(Path.of("target", "benchmark-rook", Berichten.uniekeLetters()));
        // not the driver's default seed (1): the run must pass its seed to both, as draai.sh does
        Generator.schrijf(new Populatie(7, 3, 6), map);
        Map<String, Object> e = Hub.testEigenschappen(map.resolve("data"));
        e.remove("bron.klok.vast"); // the driver dates its inschrijvingen from today
        e.put("bron.tls.map", map.resolve("tls").toAbsolutePath().toString());
        e.put("bron.tls.maken", "true");
        e.put("bron.referentie.instellingen", map.resolve("instellingen.yaml").toString());
        e.put("bron.gba.stub.bestanden", map.resolve("gba.yaml").toString());
        e.put("bron.aanleverpunten.bestand", map.resolve("aanleverpunten.yaml").toString());
        e.put("bron.toegang.bestand", map.resolve("toegang.yaml").toString());
        e.put("bron.benchmark.echo", "true");
        e.put("bron.terugkoppeling.pagina-grootte", "1000");

        PrintStream uit = System.out;
        ByteArrayOutputStream rapport = new ByteArrayOutputStream();
        try (Hub hub = Hub.start(e, () -> Pki.uitMap(map.resolve("tls"), "leverancier-voorbeeld"))) {
            System.setOut(new PrintStream(rapport, true, StandardCharsets.UTF_8));
            Belasting.main(new String[] {"--hub=https://localhost:" + hub.port(), "--operator=https://localhost:" + hub.operatorPoort(),
                    "--tls=" + map.resolve("tls"), "--scholen=3", "--leerlingen=6", "--opwarmen=1", "--clients=2", "--per-verzoek=3",
                    "--plafond-seconden=1", "--operator-wachtwoord=" + OperatorClient.WACHTWOORD, "--seed=7"});
        } finally {
            System.setOut(uit);
        }
        String json = rapport.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        // two counted schools of six pupils, none refused at the door nor by the checks (the person register knows
        // whom the driver sends: the same seed); the echo ceiling answered
        assertThat(json).contains("\"berichten\":12,").contains("\"afgekeurd\":0,").contains("\"terugkoppelingAfgekeurd\":0,")
                .doesNotContain("\"echoVerzoekenPerSeconde\":0,");
        // the hub's CPU for the run, read through the operator API before and after it: some, per bericht
        Matcher cpu = Pattern.compile("\"processortijdMsPerBericht\":\\{\"hub\":([0-9.]+),\"driver\":([0-9.]+)}").matcher(json);
        assertThat(cpu.find()).as(json).isTrue();
        assertThat(Double.parseDouble(cpu.group(1))).as(json).isPositive();
    }
}
