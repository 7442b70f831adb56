package nl.bronhub.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bronhub.toegang.Certificaten;

/**
 * The load driver: many LAS clients deliver a synthetic population (see Populatie) to a running hub
 * over real SOAP, then fetch every terugkoppeling; afterwards the same payload is driven against the
 * bare CXF echo endpoint (bron.benchmark.echo=true) as the ceiling. Prints one JSON line and a table.
 * See BENCHMARKS.md for the commands.
 */
public final class Belasting {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String NS = "urn:nl:bron-hub:uitwisseling:v1";
    private static final Pattern ITEM = Pattern.compile("<berichtIdentificatie>b-(\\d+)-(\\d+)</berichtIdentificatie>");
    private static final Pattern VOLGNUMMER = Pattern.compile("<volgnummer>(\\d+)</volgnummer>");
    private static final Pattern AFKEURCODE = Pattern.compile("<code>(\\d+)</code><ernst>afkeur</ernst>");

    private final Map<String, String> opties;
    private final Populatie populatie;
    /** The LAS side, with the client certificate the hub knows the driver's vendor by. */
    private final HttpClient http;
    /** The operator door: the hub's certificate trusted, no client certificate. */
    private final HttpClient operatorHttp;
    private final String hub;
    private final String operator;
    /** The operator API (heap, database size) asks for the operator's credentials. */
    private final String operatorInlog;
    private final int clients;
    private final int perVerzoek;
    private final int opwarmen;
    private final LocalDate schooljaar;

    private long[] ontvangenOp;
    private long[] terugOp;
    private final List<long[]> antwoordtijden = new ArrayList<>();
    /** Requests sent again after a 358. */
    private final AtomicInteger opnieuw = new AtomicInteger();
    private final AtomicLong verzoeken = new AtomicLong();
    private final AtomicLong afgekeurd = new AtomicLong();
    /**
     * Terugkoppelingen that say afgekeurd, warm-up included, by the codes of their refusing signals: a population the hub
     * refuses measures refusals, not registrations (the driver once ran another seed than the generator: 753 for every
     * pupil with a BSN, for weeks of figures).
     */
    private final AtomicLong terugAfgekeurd = new AtomicLong();
    private final Map<String, AtomicLong> afkeurcodes = new ConcurrentHashMap<>();
    private final AtomicLong heapPiek = new AtomicLong();
    private final AtomicLong database = new AtomicLong();
    /** Samples of the hub's heap after its last collection, in the order taken. */
    private final List<Long> heapNaGc = Collections.synchronizedList(new ArrayList<>());
    /** Requests per second over all clients; 0 is as fast as the hub answers. */
    private final double tempo;
    private final AtomicLong beurt = new AtomicLong();
    private long tempoStart;
    /**
     * A school's queue is fetched at most this often while it has nothing more (--ophaal-interval-ms, 1000 by default),
     * as a LAS polls: fetching in a tight loop measured the polling (a request, a commit and an audit row each time)
     * more than the hub's processing.
     */
    private final long ophaalIntervalNs;
    /**
     * How often the meter reads the hub's heap and database size (--meet-interval-ms, 5000). The operator API checks the
     * password with BCrypt on every request: read every second, that took 6% of the machine's CPU from the hub.
     */
    private final long meetIntervalMs;
    private volatile boolean meten = true;

    private Belasting(Map<String, String> opties) {
        this.opties = opties;
        this.populatie = new Populatie(Long.parseLong(opties.getOrDefault("seed", "1")),
                Integer.parseInt(opties.getOrDefault("scholen", "100")), Integer.parseInt(opties.getOrDefault("leerlingen", "200")));
        this.hub = opties.getOrDefault("hub", "https://localhost:8443");
        this.operator = opties.getOrDefault("operator", "https://localhost:8444");
        // --tls: the hub's bron.tls.map; the driver shows <tls>/<certificaat>.crt and trusts <tls>/ca.crt
        Path tls = Path.of(opties.getOrDefault("tls", "data/tls"));
        String certificaat = opties.getOrDefault("certificaat", "leverancier-voorbeeld");
        var ca = Certificaten.leesCertificaat(tls.resolve("ca.crt"));
        var eigen = Certificaten.lees(tls.resolve(certificaat + ".crt"), tls.resolve(certificaat + ".key"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .sslContext(Certificaten.sslContext(eigen, ca)).build();
        this.operatorHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .sslContext(Certificaten.sslContext(null, ca)).build();
        String inlog = "operator:" + opties.getOrDefault("operator-wachtwoord", System.getenv().getOrDefault("BRON_OPERATOR_WACHTWOORD", ""));
        this.operatorInlog = "Basic " + Base64.getEncoder().encodeToString(inlog.getBytes(StandardCharsets.UTF_8));
        this.clients = Integer.parseInt(opties.getOrDefault("clients", "16"));
        this.perVerzoek = Integer.parseInt(opties.getOrDefault("per-verzoek", "50"));
        this.opwarmen = Integer.parseInt(opties.getOrDefault("opwarmen", "0"));
        this.tempo = Double.parseDouble(opties.getOrDefault("tempo", "0"));
        this.ophaalIntervalNs = Duration.ofMillis(Long.parseLong(opties.getOrDefault("ophaal-interval-ms", "1000"))).toNanos();
        this.meetIntervalMs = Long.parseLong(opties.getOrDefault("meet-interval-ms", "5000"));
        LocalDate vandaag = LocalDate.now();
        this.schooljaar = LocalDate.of(vandaag.getMonthValue() >= 8 ? vandaag.getYear() : vandaag.getYear() - 1, 8, 1);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opties = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opties.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new Belasting(opties).draai();
    }

    /** Daemon threads: when the run fails, the clients' threads do not keep the process (and the run script) waiting. */
    private static ExecutorService clients(int aantal) {
        return Executors.newFixedThreadPool(aantal, taak -> {
            Thread t = new Thread(taak, "las-client");
            t.setDaemon(true);
            return t;
        });
    }

    private void draai() throws Exception {
        int m = populatie.leerlingenPerSchool();
        ontvangenOp = new long[populatie.scholen() * m];
        terugOp = new long[populatie.scholen() * m];
        if (opwarmen > 0) {
            System.err.printf("warming up with schools 0..%d%n", opwarmen - 1);
            aanleverenEnOphalen(0, opwarmen);
            antwoordtijden.clear();
            verzoeken.set(0);
        }
        // the CPU the hub and this driver use for the run itself (not start-up, not the warm-up): per bericht, it is what
        // runs on a busy machine compare, where the rates spread with whatever else runs
        long hubCpuVoor = getal(get("/operator/systeem"), "processortijdMs");
        long eigenCpuVoor = eigenProcessortijdMs();
        Thread meter = new Thread(this::meet, "meter");
        meter.setDaemon(true);
        meter.start();
        long start = System.nanoTime();
        tempoStart = start;
        long[] eindes = aanleverenEnOphalen(opwarmen, populatie.scholen());
        meten = false;
        meter.interrupt();
        meter.join(Duration.ofSeconds(30).toMillis());
        // the database as the run left it, not as the last sample (up to --meet-interval-ms earlier) saw it
        meetEenmaal();
        long hubCpu = getal(get("/operator/systeem"), "processortijdMs") - hubCpuVoor;
        long eigenCpu = eigenProcessortijdMs() - eigenCpuVoor;
        long berichten = (long) (populatie.scholen() - opwarmen) * m;
        double ontvangenSec = (eindes[0] - start) / 1e9;
        double verwerktSec = (eindes[1] - start) / 1e9;
        long[] antwoord = samen(antwoordtijden);
        long[] tot = new long[(int) berichten];
        for (int i = 0; i < berichten; i++) {
            int k = opwarmen * m + i;
            tot[i] = terugOp[k] - ontvangenOp[k];
        }
        Arrays.sort(antwoord);
        Arrays.sort(tot);
        double hubVerzoekenPerSec = verzoeken.get() / ontvangenSec;
        double plafond = Integer.parseInt(opties.getOrDefault("plafond-seconden", "30")) > 0 ? plafond() : Double.NaN;
        rapport(berichten, ontvangenSec, verwerktSec, antwoord, tot, hubVerzoekenPerSec, plafond,
                new Processortijd((double) hubCpu / berichten, (double) eigenCpu / berichten, Runtime.getRuntime().availableProcessors()));
    }

    /** CPU milliseconds per bericht of the run, of the hub and of this driver, and the cores of the machine. */
    private record Processortijd(double hubMs, double driverMs, int kernen) {
    }

    private static long eigenProcessortijdMs() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : 0;
    }

    /** Delivers schools [van, tot) and fetches their queues; returns the moment of the last ack and of the last fetch. */
    private long[] aanleverenEnOphalen(int van, int tot) throws Exception {
        AtomicInteger volgende = new AtomicInteger(van);
        ConcurrentLinkedQueue<int[]> ophalen = new ConcurrentLinkedQueue<>();
        // per school: not fetched again before this moment (System.nanoTime)
        long[] nietVoor = new long[tot];
        AtomicLong laatsteOntvangst = new AtomicLong();
        AtomicLong laatsteTerug = new AtomicLong();
        AtomicInteger klaar = new AtomicInteger();
        AtomicLong laatsteVoortgang = new AtomicLong(System.nanoTime());
        ExecutorService pool = clients(clients * 2);
        List<Future<?>> taken = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] tijden = new long[1 << 16];
            int[] aantal = {0};
            synchronized (antwoordtijden) {
                antwoordtijden.add(tijden);
            }
            taken.add(pool.submit(() -> {
                long[] eigen = tijden;
                for (int s = volgende.getAndIncrement(); s < tot; s = volgende.getAndIncrement()) {
                    for (int j = 0; j < populatie.leerlingenPerSchool(); j += perVerzoek) {
                        int tm = Math.min(j + perVerzoek, populatie.leerlingenPerSchool());
                        String verzoek = aanleverVerzoek(s, j, tm);
                        wachtOpBeurt();
                        long t0 = System.nanoTime();
                        String antwoord = post("/services/uitwisseling/v1", verzoek);
                        long t1 = System.nanoTime();
                        for (int k = j; k < tm; k++) {
                            ontvangenOp[s * populatie.leerlingenPerSchool() + k] = t1;
                        }
                        afgekeurd.addAndGet(tel(antwoord, "<status>afkeur</status>"));
                        if (aantal[0] == eigen.length) {
                            long[] groter = Arrays.copyOf(eigen, eigen.length * 2);
                            synchronized (antwoordtijden) {
                                antwoordtijden.set(antwoordtijden.indexOf(eigen), groter);
                            }
                            eigen = groter;
                        }
                        eigen[aantal[0]++] = t1 - t0;
                        verzoeken.incrementAndGet();
                        laatsteOntvangst.accumulateAndGet(t1, Math::max);
                    }
                    ophalen.add(new int[] {s, 0, 0});
                }
                synchronized (antwoordtijden) {
                    int i = antwoordtijden.indexOf(eigen);
                    antwoordtijden.set(i, Arrays.copyOf(eigen, aantal[0]));
                }
                return null;
            }));
        }
        for (int c = 0; c < clients; c++) {
            taken.add(pool.submit(() -> {
                while (klaar.get() < tot - van) {
                    if (System.nanoTime() - laatsteVoortgang.get() > Duration.ofMinutes(2).toNanos()) {
                        throw new IllegalStateException("no terugkoppeling arrived for two minutes; " + klaar.get() + " of "
                                + (tot - van) + " schools complete; see the hub's log and GET /operator/... for parked berichten");
                    }
                    int[] school = ophalen.poll();
                    if (school == null) {
                        LockSupport.parkNanos(5_000_000);
                        continue;
                    }
                    long wacht = nietVoor[school[0]] - System.nanoTime();
                    if (wacht > 0) {
                        ophalen.add(school);
                        LockSupport.parkNanos(Math.min(wacht, 5_000_000));
                        continue;
                    }
                    String antwoord = post("/services/uitwisseling/v1", ophaalVerzoek(school[0], school[1]));
                    long nu = System.nanoTime();
                    Matcher item = ITEM.matcher(antwoord);
                    while (item.find()) {
                        terugOp[Integer.parseInt(item.group(1)) * populatie.leerlingenPerSchool() + Integer.parseInt(item.group(2))] = nu;
                        school[2]++;
                        laatsteVoortgang.set(nu);
                    }
                    terugAfgekeurd.addAndGet(tel(antwoord, "<resultaat>afgekeurd</resultaat>"));
                    Matcher code = AFKEURCODE.matcher(antwoord);
                    while (code.find()) {
                        afkeurcodes.computeIfAbsent(code.group(1), k -> new AtomicLong()).incrementAndGet();
                    }
                    Matcher v = VOLGNUMMER.matcher(antwoord);
                    while (v.find()) {
                        school[1] = Math.max(school[1], Integer.parseInt(v.group(1)));
                    }
                    if (school[2] >= populatie.leerlingenPerSchool()) {
                        post("/services/uitwisseling/v1", ophaalVerzoek(school[0], school[1]));
                        laatsteTerug.accumulateAndGet(nu, Math::max);
                        klaar.incrementAndGet();
                    } else {
                        if (!antwoord.contains("<meerBeschikbaar>true")) {
                            nietVoor[school[0]] = nu + ophaalIntervalNs;
                        }
                        ophalen.add(school);
                    }
                }
                return null;
            }));
        }
        for (Future<?> t : taken) {
            t.get();
        }
        pool.shutdown();
        return new long[] {laatsteOntvangst.get(), laatsteTerug.get()};
    }

    /** With --tempo, each request waits for its slot in one schedule over all clients (not counted in its answer time). */
    private void wachtOpBeurt() {
        if (tempo <= 0) {
            return;
        }
        long slot = tempoStart + (long) (beurt.getAndIncrement() * 1e9 / tempo);
        for (long nu = System.nanoTime(); nu < slot; nu = System.nanoTime()) {
            LockSupport.parkNanos(slot - nu);
        }
    }

    /** The ceiling: the same request, for the same time, against the bare CXF echo endpoint. */
    private double plafond() throws Exception {
        String verzoek = aanleverVerzoek(opwarmen, 0, Math.min(perVerzoek, populatie.leerlingenPerSchool()));
        long duur = Duration.ofSeconds(Integer.parseInt(opties.getOrDefault("plafond-seconden", "30"))).toNanos();
        AtomicLong aantal = new AtomicLong();
        ExecutorService pool = clients(clients);
        long start = System.nanoTime();
        List<Future<?>> taken = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            taken.add(pool.submit(() -> {
                while (System.nanoTime() - start < duur) {
                    post("/services/echo", verzoek);
                    aantal.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> t : taken) {
            t.get();
        }
        pool.shutdown();
        return aantal.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void meet() {
        while (meten) {
            try {
                meetEenmaal();
                Thread.sleep(meetIntervalMs);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a missed sample
            }
        }
    }

    private void meetEenmaal() {
        String s = get("/operator/systeem");
        heapPiek.accumulateAndGet(getal(s, "heapGebruiktBytes"), Math::max);
        database.set(getal(s, "databaseBytes"));
        long naGc = getal(s, "heapNaGcBytes");
        if (naGc > 0) {
            heapNaGc.add(naGc);
        }
    }

    /** The median of a quarter of the heap-after-collection samples: the first quarter of the run, or the last. */
    private long heapNaGcMb(boolean laatste) {
        List<Long> alle;
        synchronized (heapNaGc) {
            alle = new ArrayList<>(heapNaGc);
        }
        int kwart = Math.max(1, alle.size() / 4);
        List<Long> deel = alle.isEmpty() ? List.of(0L) : new ArrayList<>(laatste ? alle.subList(alle.size() - kwart, alle.size()) : alle.subList(0, kwart));
        Collections.sort(deel);
        return deel.get(deel.size() / 2) >> 20;
    }

    private void rapport(long berichten, double ontvangenSec, double verwerktSec, long[] antwoord, long[] tot,
                         double hubVerzoekenPerSec, double plafond, Processortijd cpu) {
        long heapBegin = heapNaGcMb(false);
        long heapEind = heapNaGcMb(true);
        // the warm-up's berichten are in the database too
        long kbPerBericht = (database.get() >> 10) / Math.max(1L, (long) populatie.scholen() * populatie.leerlingenPerSchool());
        String json = String.format(Locale.ROOT, "{\"berichten\":%d,\"scholen\":%d,\"clients\":%d,\"perVerzoek\":%d,\"afgekeurd\":%d,"
                        + "\"ontvangenPerSeconde\":%.0f,\"verwerktPerSeconde\":%.0f,\"antwoordMs\":{\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f},"
                        + "\"totTerugkoppelingMs\":{\"p50\":%.0f,\"p95\":%.0f,\"p99\":%.0f},\"hubVerzoekenPerSeconde\":%.0f,"
                        + "\"echoVerzoekenPerSeconde\":%.0f,\"verhoudingTotPlafond\":%.2f,\"heapPiekMb\":%d,"
                        + "\"heapNaGcMb\":{\"eersteKwart\":%d,\"laatsteKwart\":%d},\"databaseMb\":%d,\"databaseKbPerBericht\":%d,\"tempo\":%.0f,"
                        + "\"terugkoppelingAfgekeurd\":%d,\"processortijdMsPerBericht\":{\"hub\":%.2f,\"driver\":%.2f},\"kernen\":%d}",
                berichten, populatie.scholen() - opwarmen, clients, perVerzoek, afgekeurd.get(), berichten / ontvangenSec, berichten / verwerktSec,
                ms(antwoord, 50), ms(antwoord, 95), ms(antwoord, 99), ms(tot, 50), ms(tot, 95), ms(tot, 99), hubVerzoekenPerSec, plafond,
                hubVerzoekenPerSec / plafond, heapPiek.get() >> 20, heapBegin, heapEind, database.get() >> 20, kbPerBericht, tempo,
                terugAfgekeurd.get(), cpu.hubMs(), cpu.driverMs(), cpu.kernen());
        System.out.println(json);
        if (terugAfgekeurd.get() > 0) {
            System.err.printf("terugkoppelingen afgekeurd: %d (refusing signals: %s); these berichten registered nothing%n",
                    terugAfgekeurd.get(), new TreeMap<>(afkeurcodes));
        }
        if (opnieuw.get() > 0) {
            System.err.printf("requests sent again after 358: %d%n", opnieuw.get());
        }
        System.out.printf(Locale.ROOT, """
                        | measure                                  | value          |
                        | ---------------------------------------- | -------------- |
                        | berichten (schools x pupils)             | %,d (%d x %d)  |
                        | clients, berichten per request           | %d, %d          |
                        | acknowledged (ontvangen) per second      | %,.0f          |
                        | fully processed per second               | %,.0f          |
                        | answer latency p50 / p95 / p99 (ms)      | %.1f / %.1f / %.1f |
                        | ack -> terugkoppeling p50 / p95 / p99 (ms) | %.0f / %.0f / %.0f |
                        | hub requests/s vs echo ceiling           | %,.0f / %,.0f = %.2f |
                        | peak heap (MB), database (MB)            | %d, %d          |
                        | database per bericht (KB)                | %d             |
                        | heap after GC, first / last quarter (MB) | %d / %d        |
                        | terugkoppelingen afgekeurd (with warm-up) | %,d            |
                        | CPU per bericht, hub / driver (ms); cores | %.2f / %.2f; %d   |
                        """, berichten, populatie.scholen() - opwarmen, populatie.leerlingenPerSchool(), clients, perVerzoek,
                berichten / ontvangenSec, berichten / verwerktSec, ms(antwoord, 50), ms(antwoord, 95), ms(antwoord, 99),
                ms(tot, 50), ms(tot, 95), ms(tot, 99), hubVerzoekenPerSec, plafond, hubVerzoekenPerSec / plafond,
                heapPiek.get() >> 20, database.get() >> 20, kbPerBericht, heapBegin, heapEind, terugAfgekeurd.get(),
                cpu.hubMs(), cpu.driverMs(), cpu.kernen());
    }

    private String aanleverVerzoek(int school, int van, int tot) {
        Populatie.School s = populatie.school(school);
        StringBuilder b = new StringBuilder(2048 * (tot - van) + 600);
        b.append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP).append("\"><soapenv:Body><aanleverenVerzoek xmlns=\"").append(NS)
                .append("\">");
        header(b, s.brin(), "r-" + school + "-" + van);
        for (int j = van; j < tot; j++) {
            bericht(b, school, j);
        }
        return b.append("</aanleverenVerzoek></soapenv:Body></soapenv:Envelope>").toString();
    }

    private String ophaalVerzoek(int school, int laatst) {
        StringBuilder b = new StringBuilder(600);
        b.append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP).append("\"><soapenv:Body><terugkoppelingVerzoek xmlns=\"").append(NS)
                .append("\">");
        header(b, populatie.school(school).brin(), "o-" + school + "-" + laatst);
        return b.append("<laatstOntvangenVolgnummer>").append(laatst).append("</laatstOntvangenVolgnummer><maximumAantal>1000")
                .append("</maximumAantal></terugkoppelingVerzoek></soapenv:Body></soapenv:Envelope>").toString();
    }

    private static void header(StringBuilder b, String brin, String id) {
        b.append("<header><identificatiecodeBedrijfsdocument>").append(id).append("</identificatiecodeBedrijfsdocument>")
                .append("<verzendendeInstantie><brin>").append(brin).append("</brin><aanleverpuntnummer>1</aanleverpuntnummer>")
                .append("</verzendendeInstantie><ontvangendeInstantie>BRON</ontvangendeInstantie>")
                .append("<datumTijdBedrijfsdocument>2026-11-22T10:00:00Z</datumTijdBedrijfsdocument></header>");
    }

    private void bericht(StringBuilder b, int school, int j) {
        Populatie.Leerling l = populatie.leerling(school, j);
        String d = schooljaar.toString();
        b.append("<bericht><identificatie>b-").append(school).append('-').append(j).append("</identificatie>")
                .append("<mutatiesoort>inschrijven</mutatiesoort><leerling>");
        if (l.bsn() != null) {
            b.append("<burgerservicenummer>").append(l.bsn()).append("</burgerservicenummer>");
        }
        b.append("<geboortedatum>").append(l.geboortedatum()).append("</geboortedatum><geslacht>").append(l.geslacht())
                .append("</geslacht><achternaam>").append(l.achternaam()).append("</achternaam><straatnaam>Benchmarkweg</straatnaam>")
                .append("<huisnummer>1</huisnummer><postcode>").append(l.postcode()).append("</postcode><woonplaats>Benchmarkstad")
                .append("</woonplaats></leerling><inschrijving><datumInschrijving>").append(d).append("</datumInschrijving>");
        if (populatie.school(school).soort() == Populatie.Soort.WPO) {
            groep(b, "vestiging", d, "01");
            groep(b, "leerjaar", d, String.valueOf(1 + j % 8));
        } else {
            boolean ab = l.ambulant();
            b.append("<aanduidingNnca>").append(ab ? "0" : "1").append("</aanduidingNnca>");
            groep(b, "vestiging", d, "01");
            groep(b, "leerjaar", d, ab ? "0" : "3");
            groep(b, "soortVerblijf", d, "0");
            groep(b, "schoolsoort", d, ab ? "0" : "1");
            groep(b, "soortOnderwijs", d, ab ? "00" : "33");
            groep(b, "indicatieBekostiging", d, "J");
            b.append("<indicatiestelling><datumIndicatiestelling>").append(schooljaar.minusMonths(2))
                    .append("</datumIndicatiestelling><onderwijssoortIndicatie>33</onderwijssoortIndicatie><brinRec>12RC</brinRec>")
                    .append("<cviNummer>1234567</cviNummer></indicatiestelling>");
            if (ab) {
                b.append("<ambulanteBegeleiding><ingangsdatum>").append(d).append("</ingangsdatum><brinSchool>").append(l.abSchool())
                        .append("</brinSchool></ambulanteBegeleiding>");
            }
        }
        b.append("</inschrijving></bericht>");
    }

    private static void groep(StringBuilder b, String naam, String datum, String waarde) {
        b.append('<').append(naam).append("><ingangsdatum>").append(datum).append("</ingangsdatum><waarde>").append(waarde)
                .append("</waarde></").append(naam).append('>');
    }

    /**
     * One request, sent again as a LAS does while the hub answers 358 (send again: nothing was held, e.g. the hub
     * is not ready yet), for at most a minute; any other fault ends the run.
     */
    private String post(String pad, String xml) {
        try {
            for (int poging = 0; ; poging++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub + pad)).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                if (!r.body().contains("<faultstring>358:") || poging == 600) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + " from " + pad + ": " + r.body());
                }
                opnieuw.incrementAndGet();
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String get(String pad) {
        try {
            return operatorHttp.send(HttpRequest.newBuilder(URI.create(operator + pad)).header("Authorization", operatorInlog).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long getal(String json, String veld) {
        Matcher m = Pattern.compile("\"" + veld + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int tel(String tekst, String wat) {
        int n = 0;
        for (int i = tekst.indexOf(wat); i >= 0; i = tekst.indexOf(wat, i + 1)) {
            n++;
        }
        return n;
    }

    private static long[] samen(List<long[]> delen) {
        return delen.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static double ms(long[] gesorteerd, int percentiel) {
        if (gesorteerd.length == 0) {
            return Double.NaN;
        }
        return gesorteerd[Math.min(gesorteerd.length - 1, (int) Math.ceil(percentiel / 100.0 * gesorteerd.length) - 1)] / 1e6;
    }
}
