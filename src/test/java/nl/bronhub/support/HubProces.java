package nl.bronhub.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub (target/bron-hub-*.jar) as a process of its own, as an operator runs it: started
 * from the repository root on a data directory of the test's choosing, on fixed ports (so LAS clients
 * find it again after a restart), killed with SIGKILL or stopped with SIGTERM.
 */
public final class HubProces {

    /** Every hub process a test started, so none outlives a failed test. */
    private static final Set<Process> LEVEND = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(HubProces::stopAlle));
    }

    public static void stopAlle() {
        LEVEND.forEach(Process::destroyForcibly);
        LEVEND.clear();
    }

    private final Map<String, Object> eigenschappen;
    private final Path log;
    private final int lasPoort;
    private final int operatorPoort;
    private Process proces;
    private int starts;

    public HubProces(Path data) {
        this(data, Hub.testEigenschappen(data));
    }

    /** A hub on the given properties (another instance's, to share its database), logging in {@code map}. */
    public HubProces(Path map, Map<String, Object> eigenschappen) {
        this.lasPoort = vrijePoort();
        this.operatorPoort = vrijePoort();
        this.eigenschappen = new HashMap<>(eigenschappen);
        this.eigenschappen.put("server.port", String.valueOf(lasPoort));
        this.eigenschappen.put("bron.operator.poort", String.valueOf(operatorPoort));
        this.log = map.resolve("hub.log");
    }

    public Map<String, Object> eigenschappen() {
        return eigenschappen;
    }

    /** Starts the jar and waits until its LAS door answers. */
    public HubProces start() {
        List<String> opdracht = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar().toString()));
        eigenschappen.forEach((k, v) -> opdracht.add("--" + k + "=" + v));
        try {
            proces = new ProcessBuilder(opdracht).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LEVEND.add(proces);
        starts++;
        try {
            Hub.wachtTotKlaar(lasPoort, Hub.STANDAARD_LAS.get(), Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the hub did not start (start " + starts + "); see " + log, e);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    public void kill() {
        proces.destroyForcibly();
        wachtOpEinde(Duration.ofSeconds(30));
    }

    /** SIGTERM: the hub shuts down gracefully. Returns its exit code. */
    public int stop() {
        proces.destroy();
        return wachtOpEinde(Duration.ofSeconds(90));
    }

    public boolean leeft() {
        return proces != null && proces.isAlive();
    }

    public int lasPoort() {
        return lasPoort;
    }

    public int operatorPoort() {
        return operatorPoort;
    }

    public Path log() {
        return log;
    }

    private int wachtOpEinde(Duration maximaal) {
        try {
            if (!proces.waitFor(maximaal.toMillis(), TimeUnit.MILLISECONDS)) {
                proces.destroyForcibly().waitFor();
                throw new IllegalStateException("the hub did not stop within " + maximaal);
            }
            return proces.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The executable jar the package phase made (not the .original Maven keeps beside it). */
    public static Path jar() {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "bron-hub-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no target/bron-hub-*.jar: run the tests with mvn verify, which packages first");
    }

    private static int vrijePoort() {
        try (ServerSocket vrij = new ServerSocket(0)) {
            return vrij.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
