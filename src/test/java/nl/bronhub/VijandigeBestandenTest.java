package nl.bronhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import nl.bronhub.contract.v1.Bericht;
import nl.bronhub.contract.v1.Ontvangststatus;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.support.Afleverbak;
import nl.bronhub.support.Berichten;
import nl.bronhub.support.Hub;
import nl.bronhub.support.HubTest;
import nl.bronhub.support.LasClient;
import org.slf4j.LoggerFactory;

import static nl.bronhub.support.Berichten.inschrijven;
import static nl.bronhub.support.Berichten.leerling;
import static nl.bronhub.support.Berichten.wec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile files for both watched directories (issue 16): valid GBA change files and AB lists, then
 * truncated, with a byte flipped, with control or non-BMP characters, wrong separators, huge numbers,
 * impossible dates, a line twice, a BOM, in Latin-1 or UTF-16, empty, under odd names. Each file ends
 * applied (in verwerkt/) or refused (in fout/ with a reason beside it); a refused file changes nothing
 * in the register; a file the generator left valid is applied; what the register holds afterwards has
 * no control characters and no impossible birth dates; the routes keep running (health UP, a valid file
 * applied at the end); no BSN or name reaches the log. Its own hub.
 *
 * <p>The seed is fixed, so a run is repeatable. To search longer, or elsewhere:
 * {@code mvn -B test -Dtest=VijandigeBestandenTest -Dbron.fuzz.seed=12345 -Dbron.fuzz.tries=500}
 * (jqwik prints the seed of a failing run; pass it back with -Dbron.fuzz.seed to repeat it).
 */
@AddLifecycleHook(value = VijandigeBestandenTest.FuzzInstellingen.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class VijandigeBestandenTest {

    static final String SEED = "20261102";
    static final int TRIES = 25;

    /** The pupils the GBA lines are about (enrolled, so a change queues a spontane mutatie), and numbers of no one. */
    private static final List<String> LEERLINGEN = List.of("999992041", "999992065");
    private static final List<String> ONBEKEND = AfleverbestandenTest.bsns(5);
    private static final List<String> NAMEN = List.of("Vijandig", "Stuurteken", "d'Ancona", "Çelik", "Ødegård", "Müller-Lüdenscheidt",
            "Nguyễn", "Jansen", "de Vries");
    private static final List<String> SCHOLEN = List.of("72WA", "72WB", "72WC");

    private static Hub hub;
    private static Afleverbak gba;
    private static Afleverbak ab;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    /** -Dbron.fuzz.seed / -Dbron.fuzz.tries over the fixed defaults. */
    static class FuzzInstellingen implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setSeed(System.getProperty("bron.fuzz.seed", SEED));
            context.attributes().setTries(Integer.getInteger("bron.fuzz.tries", TRIES));
            return property.execute();
        }
    }

    @BeforeContainer
    static void start() {
        Path data = Path.of("target/test-data", "vijandig-" + Berichten.uniekeLetters());
        for (String sub : List.of("gba-mutaties/fout", "gba-mutaties/verwerkt", "ab-opgaven/fout", "ab-opgaven/verwerkt")) {
            try {
                Files.createDirectories(data.resolve(sub));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Object> p = Hub.testEigenschappen(data);
        p.put("bron.gba.stub.bestanden", Hub.GBA + ",src/test/resources/gba/personen-bestanden.yaml");
        p.put("bron.gba.mutaties.interval-ms", "100");
        p.put("bron.gtb.ab-opgaven.interval-ms", "100");
        p.put("bron.gba.mutaties.max-regels", "50");
        p.put("bron.gba.mutaties.max-bytes", "20000");
        p.put("bron.gtb.ab-opgaven.max-bytes", "4000");
        hub = Hub.start(p);
        // after the start: Spring Boot's logging set-up replaces the appenders an earlier attach added
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
        gba = new Afleverbak(data.toAbsolutePath().resolve("gba-mutaties"));
        ab = new Afleverbak(data.toAbsolutePath().resolve("ab-opgaven"));
        schrijfIn("70AD", leerling("999992041", "2015-04-24", "M", "Vijandig", "2014DD"));
        schrijfIn("70AE", leerling("999992065", "2015-06-26", "M", "Stuurteken", "2016FF"));
    }

    @AfterContainer
    static void stop() {
        try {
            // after everything above: both routes still take a valid file, and health is UP
            AfleverbestandenTest.accept(gba, "bsn;woonplaats\n999992041;Eindhoven\n");
            assertThat(hub.jdbc().queryForObject("select woonplaats from persoon where pgn = '999992041'", String.class)).isEqualTo("Eindhoven");
            AfleverbestandenTest.accept(ab, "72WD.csv", "999990482;70DN;2026-10-01\n");
            assertThat(hub.jdbc().queryForObject("select count(*) from ab_opgave where brin_school = '72WD'", Integer.class)).isEqualTo(1);
            assertThat(hub.operator().actuator("/health/readiness").statusCode()).isEqualTo(200);
            List<String> geheim = new ArrayList<>(NAMEN);
            geheim.addAll(LEERLINGEN);
            geheim.addAll(ONBEKEND);
            geheim.add("999990482");
            synchronized (LOG.list) {
                assertThat(LOG.list).map(ILoggingEvent::getFormattedMessage).noneMatch(r -> geheim.stream().anyMatch(r::contains));
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
            hub.close();
        }
    }

    record Bestand(String naam, byte[] inhoud, boolean geldig) {
        @Override
        public String toString() {
            return naam + " (" + inhoud.length + " bytes" + (geldig ? ", valid" : "") + "): "
                    + new String(inhoud, 0, Math.min(inhoud.length, 200), StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", "?");
        }
    }

    @Property(seed = SEED, tries = TRIES)
    void eenVijandigBestandWordtToegepastOfMetRedenGeweigerd(@ForAll("gbaBestanden") Bestand gbaBestand, @ForAll("abBestanden") Bestand abBestand) {
        String voorGba = registerGba();
        String voorAb = registerAb();
        gba.vergeet(gbaBestand.naam());
        AfleverbestandenTest.leg(gba, gbaBestand.naam(), gbaBestand.inhoud());
        ab.vergeet(abBestand.naam());
        AfleverbestandenTest.leg(ab, abBestand.naam(), abBestand.inhoud());

        boolean gbaToegepast = uitkomst(gba, gbaBestand);
        boolean abToegepast = uitkomst(ab, abBestand);
        if (!gbaToegepast) {
            assertThat(registerGba()).as("a refused GBA file changes nothing").isEqualTo(voorGba);
        }
        if (!abToegepast) {
            assertThat(registerAb()).as("a refused AB list changes nothing").isEqualTo(voorAb);
        }
        if (gbaBestand.geldig()) {
            assertThat(gbaToegepast).as("a valid GBA file is applied").isTrue();
        }
        if (abBestand.geldig()) {
            assertThat(abToegepast).as("a valid AB list is applied").isTrue();
        }
        // whatever was applied: nothing in the register a name, date or address never holds
        hub.jdbc().query("select geboortedatum, achternaam, voorvoegsel, voornamen, straatnaam, huisnummer, huisnummertoevoeging, "
                + "postcode, woonplaats from persoon", rs -> {
            LocalDate geboren = rs.getDate(1).toLocalDate();
            assertThat(geboren).isAfterOrEqualTo(LocalDate.of(1900, 1, 1)).isBeforeOrEqualTo(LocalDate.parse(Hub.VANDAAG));
            for (int k = 2; k <= 9; k++) {
                String waarde = rs.getString(k);
                if (waarde != null) {
                    assertThat(waarde.codePoints().allMatch(Afleverbestanden::toegestaan)).as("column %d", k).isTrue();
                }
            }
        });
        assertThat(hub.operator().actuator("/health/readiness").statusCode()).isEqualTo(200);
    }

    /** Waits until the hub has moved the file; true when applied (verwerkt/), false when refused (fout/, with a reason). */
    private static boolean uitkomst(Afleverbak bak, Bestand bestand) {
        Path waar = await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (Files.exists(bak.map().resolve(bestand.naam()), LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            for (String naar : List.of("verwerkt", "fout")) {
                try (Stream<Path> bestanden = Files.list(bak.map().resolve(naar))) {
                    var v = bestanden.filter(p -> p.getFileName().toString().endsWith("-" + bestand.naam())).findFirst();
                    if (v.isPresent()) {
                        return v.get();
                    }
                } catch (IOException nogNiet) {
                    // no verwerkt/ or fout/ yet
                }
            }
            return null;
        }, p -> p != null);
        if (waar.getParent().getFileName().toString().equals("fout")) {
            assertThat(AfleverbestandenTest.reden(waar)).startsWith("Niet verwerkt, niets is toegepast: ").doesNotContain("technische fout");
            return false;
        }
        return true;
    }

    private static String registerGba() {
        return hub.jdbc().queryForList("select pgn, geboortedatum, achternaam, voorvoegsel, voornamen, straatnaam, huisnummer, "
                + "huisnummertoevoeging, postcode, woonplaats, adres_geheim from persoon order by pgn").toString()
                + hub.jdbc().queryForObject("select count(*) from terugkoppeling", Integer.class)
                + hub.jdbc().queryForObject("select count(*) from gba_mutatiebestand", Integer.class);
    }

    private static String registerAb() {
        return hub.jdbc().queryForList("select brin_school, pgn, brin_wec, ingangsdatum from ab_opgave order by brin_school, pgn, brin_wec")
                .toString();
    }

    private static void schrijfIn(String brin, Persoon leerling) {
        LasClient las = hub.las(brin, "1");
        Bericht bericht = inschrijven(leerling, wec("2026-08-01"));
        assertThat(las.aanleveren(bericht).getBerichtResultaat().get(0).getStatus()).isEqualTo(Ontvangststatus.ONTVANGEN);
        HubTest.terugkoppelingVan(las, bericht.getIdentificatie());
    }

    // --- generators

    @Provide
    Arbitrary<Bestand> gbaBestanden() {
        Arbitrary<String> regel = Combinators.combine(
                Arbitraries.of(concat(LEERLINGEN, ONBEKEND)),
                Arbitraries.of(NAMEN),
                Arbitraries.integers().between(1, 99999),
                Arbitraries.integers().between(1000, 9999), Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                Arbitraries.of("Haarlem", "Den Haag", "'s-Hertogenbosch", "Zoetermeer"),
                Arbitraries.integers().between(0, 3650)).as((bsn, naam, huisnummer, cijfers, letters, plaats, dagen) ->
                String.join(";", bsn, naam, String.valueOf(huisnummer), cijfers + letters, plaats,
                        LocalDate.of(2010, 1, 1).plusDays(dagen).toString()));
        Arbitrary<String> geldig = regel.list().ofMinSize(1).ofMaxSize(6)
                .uniqueElements(r -> r.substring(0, 9))
                .map(r -> "bsn;achternaam;huisnummer;postcode;woonplaats;geboortedatum\n" + String.join("\n", r) + "\n");
        return Combinators.combine(geldig, vervormingen(), namen(true)).as((tekst, vervorming, naam) -> vervorming.op(naam, tekst));
    }

    @Provide
    Arbitrary<Bestand> abBestanden() {
        Arbitrary<String> regel = Combinators.combine(
                Arbitraries.of("999990482", "999993847", "999992041", "100100011"),
                Arbitraries.of("70DN", "70DO", "71VA", "70dn"),
                Arbitraries.integers().between(0, 400)).as((pgn, wec, dagen) ->
                pgn + ";" + wec + ";" + (dagen == 0 ? "" : LocalDate.of(2025, 8, 1).plusDays(dagen).toString()));
        Arbitrary<String> geldig = regel.list().ofMinSize(0).ofMaxSize(5)
                .uniqueElements(r -> r.substring(0, 14).toUpperCase())
                .map(r -> "pgn;brinWec;ingangsdatum\n" + String.join("\n", r) + (r.isEmpty() ? "" : "\n"));
        return Combinators.combine(geldig, vervormingen(), namen(false)).as((tekst, vervorming, naam) -> vervorming.op(naam, tekst));
    }

    /** Good names (null: keep it valid) or odd ones. */
    private static Arbitrary<Tuple.Tuple2<String, Boolean>> namen(boolean gba) {
        Arbitrary<String> goed = gba ? Arbitraries.just("").map(x -> "gba-" + Berichten.uniekeLetters() + ".csv") : Arbitraries.of(SCHOLEN).map(s -> s + ".csv");
        Arbitrary<String> vreemd = gba
                ? Arbitraries.of("mutaties 2026 (kopie).csv", "Ünïcode-ñame.csv", "-begint-met-streep.csv", "HOOFDLETTERS.CSV", "a.b.c.csv")
                        .map(n -> Berichten.uniekeLetters() + "-" + n)
                : Arbitraries.of("72wa.csv", "72WA.CSV", "99ZZ.csv", "71XA.csv", "71VO.csv", "72WA .csv", "72WA.csv.csv", "72WAA.csv");
        return Arbitraries.frequencyOf(Tuple.of(4, goed.map(n -> Tuple.of(n, true))), Tuple.of(1, vreemd.map(n -> Tuple.of(n, false))));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }

    /** One way of spoiling a valid file, or none. */
    interface Vervorming {
        Bestand op(Tuple.Tuple2<String, Boolean> naam, String tekst);
    }

    private static Arbitrary<Vervorming> vervormingen() {
        Arbitrary<Integer> plek = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> teken = Arbitraries.oneOf(
                Arbitraries.integers().between(0x00, 0x1f), Arbitraries.integers().between(0x7f, 0x9f),
                Arbitraries.of(0xfeff, 0xfffe, 0x202e, 0x2028, 0xd800, 0xe000, 0x1f600, 0x10ffff, 0x1d11e, 0x200b));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just((Vervorming) (n, t) -> bestand(n, utf8(t), true))),
                Tuple.of(2, plek.map(p -> (Vervorming) (n, t) -> {
                    byte[] b = utf8(t);
                    return bestand(n, Arrays.copyOf(b, p % Math.max(1, b.length)), false);
                })),
                Tuple.of(2, Combinators.combine(plek, Arbitraries.integers().between(1, 255)).as((p, x) -> (Vervorming) (n, t) -> {
                    byte[] b = utf8(t);
                    b[p % b.length] ^= x.byteValue();
                    return bestand(n, b, false);
                })),
                Tuple.of(3, Combinators.combine(plek, teken).as((p, c) -> (Vervorming) (n, t) -> {
                    int i = p % t.length();
                    String s = t.substring(0, i) + (c >= 0xd800 && c < 0xe000 ? String.valueOf((char) c.intValue()) : Character.toString(c))
                            + t.substring(i);
                    return bestand(n, utf8(s), false);
                })),
                Tuple.of(1, Arbitraries.of(",", "\t", "|", ";;").map(sep -> (Vervorming) (n, t) -> bestand(n, utf8(t.replace(";", sep)), false))),
                Tuple.of(1, Arbitraries.of("99999999999999999999", "-1", "1e9", "0x1F", "١٢٣", "999999999")
                        .map(getal -> (Vervorming) (n, t) -> bestand(n, utf8(t.replaceFirst("\n[0-9]+;", "\n" + getal + ";")), false))),
                Tuple.of(1, Arbitraries.of("0000-01-01", "2025-02-31", "1899-12-31", "9999-12-31", "2026-13-01", "20150101", "+2015-01-01")
                        .map(d -> (Vervorming) (n, t) -> bestand(n, utf8(t.replaceFirst("\\d{4}-\\d{2}-\\d{2}", d)), false))),
                Tuple.of(1, Arbitraries.just((Vervorming) (n, t) -> {
                    String[] regels = t.split("\n");
                    return bestand(n, utf8(t + (regels.length > 1 ? regels[regels.length - 1] + "\n" : "")), false);
                })),
                Tuple.of(1, Arbitraries.just((Vervorming) (n, t) -> bestand(n, utf8("\ufeff" + t), true))),
                Tuple.of(1, Arbitraries.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1)
                        .map(cs -> (Vervorming) (n, t) -> bestand(n, (t + "Zoë;\n").getBytes(cs), false))),
                Tuple.of(1, Arbitraries.just((Vervorming) (n, t) -> bestand(n, new byte[0], false))),
                Tuple.of(1, Arbitraries.integers().between(300, 3000).map(keer -> (Vervorming) (n, t) -> {
                    String[] regels = t.split("\n");
                    return bestand(n, utf8(regels[0] + "\n" + ((regels.length > 1 ? regels[1] : "x") + "\n").repeat(keer)), false);
                })));
    }

    /** Valid only when the content is left valid and the name is a good one. */
    private static Bestand bestand(Tuple.Tuple2<String, Boolean> naam, byte[] inhoud, boolean geldig) {
        return new Bestand(naam.get1(), inhoud, geldig && naam.get2());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static {
        try {
            Files.createDirectories(Path.of("target/test-data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
