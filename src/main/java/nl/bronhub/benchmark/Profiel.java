package nl.bronhub.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the hub's time went in a benchmark run, from its flight recording
 * ({@code BENCHMARK_JVM=-XX:StartFlightRecording=settings=profile benchmark/draai.sh ...} leaves target/benchmark/hub.jfr):
 * the CPU samples per group of threads (the request threads, the processing pool, the GTB, ...), and per group each hub
 * method's inclusive share (the samples with it anywhere on the stack) and the libraries the samples ended in. A sample
 * is a thread seen running Java code; a group's share of all samples is its share of the CPU the hub used.
 * usage: Profiel HUB_JFR [METHODS_PER_GROUP]
 */
public final class Profiel {

    /** One CPU sample: the thread's name and its stack as "class.method", innermost first. */
    public record Monster(String draad, List<String> frames) {
    }

    /** A group of threads: its samples, per hub method the samples it was on the stack, per library the samples ending there. */
    public record Groep(String naam, int monsters, Map<String, Integer> hubMethoden, Map<String, Integer> bladBibliotheken) {
    }

    private static final String HUB = "nl.bronhub.";

    private Profiel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Profiel HUB_JFR [METHODS_PER_GROUP]");
            System.exit(2);
        }
        int methoden = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Monster> monsters = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            RecordedThread draad = e.getThread("sampledThread");
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
            monsters.add(new Monster(draad == null ? "?" : String.valueOf(draad.getJavaName()), frames));
        }
        System.out.print(rapport(verdeel(monsters), monsters.size(), methoden));
    }

    /** The thread's group: its name without numbers ("https-jsse-nio-8081-exec-3" and "-exec-7" are one group). */
    static String groep(String draad) {
        return draad.replaceAll("[0-9]+", "#");
    }

    /** The samples per group of threads, the largest group first. */
    public static List<Groep> verdeel(List<Monster> monsters) {
        Map<String, List<Monster>> perGroep = new TreeMap<>();
        monsters.forEach(m -> perGroep.computeIfAbsent(groep(m.draad()), k -> new ArrayList<>()).add(m));
        List<Groep> groepen = new ArrayList<>();
        perGroep.forEach((naam, lijst) -> {
            Map<String, Integer> hub = new TreeMap<>();
            Map<String, Integer> blad = new TreeMap<>();
            for (Monster m : lijst) {
                // a recursive method counts once per sample
                Set<String> gezien = new HashSet<>();
                m.frames().stream().filter(f -> f.startsWith(HUB) && !lambda(f) && gezien.add(f)).forEach(f -> hub.merge(f, 1, Integer::sum));
                blad.merge(m.frames().isEmpty() ? "?" : bibliotheek(m.frames().get(0)), 1, Integer::sum);
            }
            groepen.add(new Groep(naam, lijst.size(), hub, blad));
        });
        groepen.sort(Comparator.comparingInt(Groep::monsters).reversed().thenComparing(Groep::naam));
        return groepen;
    }

    /** A lambda's own frames repeat the method that holds it. */
    static boolean lambda(String frame) {
        return frame.contains("$$Lambda") || frame.contains(".lambda$");
    }

    /** The first three parts of a frame's package ("org.h2.mvstore"), or the class for a shorter one. */
    static String bibliotheek(String frame) {
        String[] delen = frame.split("\\.");
        // the parts before the class and the method
        int pakket = Math.max(1, delen.length - 2);
        return String.join(".", Arrays.copyOf(delen, Math.min(3, pakket)));
    }

    /** The report as Markdown: the groups, then per group its hub methods and libraries, each with its share. */
    public static String rapport(List<Groep> groepen, int totaal, int methoden) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%,d CPU samples%n%n| threads | samples | share |%n| --- | ---: | ---: |%n", totaal));
        for (Groep g : groepen) {
            s.append(String.format(Locale.ROOT, "| %s | %,d | %s |%n", g.naam(), g.monsters(), procent(g.monsters(), totaal)));
        }
        for (Groep g : groepen) {
            if (g.hubMethoden().isEmpty()) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "%n### %s (%,d samples)%n%n| hub method (on the stack) | share |%n| --- | ---: |%n",
                    g.naam(), g.monsters()));
            grootste(g.hubMethoden(), methoden).forEach((m, n) -> s.append(String.format(Locale.ROOT, "| `%s` | %s |%n",
                    m.substring(HUB.length()), procent(n, g.monsters()))));
            s.append(String.format(Locale.ROOT, "%n| where the samples ended | share |%n| --- | ---: |%n"));
            grootste(g.bladBibliotheken(), 8).forEach((b, n) -> s.append(String.format(Locale.ROOT, "| %s | %s |%n", b,
                    procent(n, g.monsters()))));
        }
        return s.toString();
    }

    private static Map<String, Integer> grootste(Map<String, Integer> tellingen, int aantal) {
        Map<String, Integer> uit = new LinkedHashMap<>();
        tellingen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(aantal).forEach(e -> uit.put(e.getKey(), e.getValue()));
        return uit;
    }

    private static String procent(int deel, int geheel) {
        return String.format(Locale.ROOT, "%.1f%%", geheel == 0 ? 0.0 : 100.0 * deel / geheel);
    }
}
