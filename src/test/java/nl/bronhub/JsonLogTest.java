package nl.bronhub;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.bronhub.support.Hub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log switch of config/application.yaml (logging.structured.format.console, here as the
 * environment would give it): a hub started with it writes one JSON object a line. A process of its
 * own on the main classpath, because the tests' logback-test.xml would take the place of Spring
 * Boot's own logging set-up in this JVM; stopped once it has started.
 */
class JsonLogTest {

    @TempDir
    Path data;

    @Test
    void metDeSchakelaarIsElkeLogregelJson() throws Exception {
        String klassenpad = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> opdracht = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", klassenpad, BronHubApplication.class.getName(),
                "--logging.structured.format.console=ecs", "--spring.main.banner-mode=off"));
        Hub.testEigenschappen(data).forEach((k, v) -> opdracht.add("--" + k + "=" + v));
        Process hub = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        List<String> regels = new ArrayList<>();
        try (BufferedReader uit = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
            long tot = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String regel;
            while (System.nanoTime() < tot && (regel = uit.readLine()) != null) {
                if (!regel.isBlank()) {
                    regels.add(regel);
                }
                if (regel.contains("Started BronHubApplication")) {
                    break;
                }
            }
        } finally {
            hub.destroyForcibly();
            hub.waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(regels).as("the hub started").anyMatch(r -> r.contains("Started BronHubApplication"));
        ObjectMapper json = new ObjectMapper();
        for (String r : regels) {
            JsonNode regel = json.readTree(r);
            assertThat(regel.isObject()).as(r).isTrue();
            assertThat(regel.path("@timestamp").asText()).as(r).isNotBlank();
            assertThat(regel.path("log").path("level").asText(regel.path("log.level").asText())).as(r).isNotBlank();
            assertThat(regel.path("message").asText()).as(r).isNotBlank();
        }
    }
}
