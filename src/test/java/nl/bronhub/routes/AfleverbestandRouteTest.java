package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watched directories: routes/90-gba-mutaties and 97-ab-opgaven, both made from template afleverbestand
 * (01-afleverbestanden) with error handling afleverbestand-fouten (00-foutafhandeling). A good file is handled by the
 * import's steps in order and moved to verwerkt/; a file whose step fails goes to fout/ with its reason beside it in
 * its own directory, and the steps after the failure do not run.
 */
class AfleverbestandRouteTest extends RouteTestBasis {

    @TempDir
    static Path data;

    private Path gba;
    private Path ab;

    @Override
    protected Properties eigenschappen() {
        Properties p = super.eigenschappen();
        p.setProperty("bron.gba.mutaties.map", data.resolve("gba-mutaties").toString());
        p.setProperty("bron.gtb.ab-opgaven.map", data.resolve("ab-opgaven").toString());
        return p;
    }

    @BeforeEach
    void routes() throws Exception {
        gba = Files.createDirectories(data.resolve("gba-mutaties"));
        ab = Files.createDirectories(data.resolve("ab-opgaven"));
        leeg(gba);
        leeg(ab);
        context.getRegistry().bind("afleverFilter", new AfleverFilter());
        // the real clean-up (it only reads and removes files): route afleverbestanden-opschonen runs every 50 ms here
        context.getRegistry().bind("afleverbestandenOpschoning",
                new nl.bronhub.AfleverbestandenOpschoning(List.of(gba, ab), 30, Clock.systemDefaultZone()));
        dubbel("afleverbestanden", new Afleverbestanden());
        dubbel("bestandFouten", new BestandFouten());
        dubbel("gbaMutatiebestand", new Stap());
        dubbel("abOpgaveBestand", new AbOpgaveBestand());
        laad("90-gba-mutaties.camel.yaml", "97-ab-opgaven.camel.yaml");
        context.start();
    }

    @Test
    void aGoodGbaFileIsCheckedWholeThenAppliedAndMovedToVerwerkt() throws Exception {
        zetNeer(gba, "mutaties.csv", "bsn;postcode\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> inhoud(gba.resolve("verwerkt")).size() == 1);
        assertThat(inhoud(gba.resolve("verwerkt")).get(0)).endsWith("-mutaties.csv");
        assertThat(inhoud(gba.resolve("fout"))).isEmpty();
        assertThat(journaal).containsExactly("afleverbestanden.lees", "gbaMutatiebestand.lees", "gbaMutatiebestand.verwerk");
    }

    @Test
    void aWrongGbaFileGoesToFoutWithItsReasonAndAppliesNothing() throws Exception {
        ((Stap) context.getRegistry().lookupByName("gbaMutatiebestand")).faalBij("lees");
        zetNeer(gba, "mutaties.csv", "bsn;postcode\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> inhoud(gba.resolve("fout")).size() == 2);
        // both named after the time the file was taken, so a later refusal of the same name keeps this one
        List<String> fout = inhoud(gba.resolve("fout"));
        assertThat(fout.get(0)).matches("\\d{8}-\\d{6}-\\d{3}-mutaties\\.csv");
        assertThat(fout.get(1)).isEqualTo(fout.get(0) + ".reden.txt");
        assertThat(Files.readString(gba.resolve("fout").resolve(fout.get(1)))).isEqualTo("reden: gbaMutatiebestand.lees faalt (test)");
        assertThat(Files.readString(gba.resolve("fout").resolve(fout.get(0)))).isEqualTo("bsn;postcode\n");
        assertThat(inhoud(gba.resolve("verwerkt"))).isEmpty();
        assertThat(journaal).containsExactly("afleverbestanden.lees", "gbaMutatiebestand.lees", "bestandFouten.reden");
    }

    @Test
    void anAbListIsNamedCheckedBeforeItIsRead() throws Exception {
        zetNeer(ab, "00AA.csv", "leerling\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> inhoud(ab.resolve("verwerkt")).size() == 1);
        assertThat(journaal).containsExactly("abOpgaveBestand.controleerNaam", "afleverbestanden.lees", "abOpgaveBestand.importeer");
    }

    @Test
    void aWrongAbFileNameIsTheReasonWhateverTheFileHolds() throws Exception {
        ((Dubbel) context.getRegistry().lookupByName("abOpgaveBestand")).faalBij("controleerNaam");
        NotifyBuilder klaar = new NotifyBuilder(context).fromRoute("ab-opgaven").whenDone(1).create();
        zetNeer(ab, "lijst.csv", "leerling\n");

        assertThat(klaar.matches(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> inhoud(ab.resolve("fout")).size() == 2);
        // the reason sits in the AB directory's fout/, not the GBA's: one error configuration serves both
        List<String> fout = inhoud(ab.resolve("fout"));
        assertThat(fout.get(1)).matches("\\d{8}-\\d{6}-\\d{3}-lijst\\.csv\\.reden\\.txt");
        assertThat(Files.readString(ab.resolve("fout").resolve(fout.get(1)))).isEqualTo("reden: abOpgaveBestand.controleerNaam faalt (test)");
        assertThat(inhoud(gba.resolve("fout"))).isEmpty();
        assertThat(journaal).containsExactly("abOpgaveBestand.controleerNaam", "bestandFouten.reden");
    }

    @Test
    void anUploadInProgressIsLeftAlone() throws Exception {
        NotifyBuilder klaar = new NotifyBuilder(context).fromRoute("gba-mutaties").whenDone(1).create();
        zetNeer(gba, ".mutaties.csv", "bsn;postcode\n");
        zetNeer(gba, "daarna.csv", "bsn;postcode\n");

        // the file after it is taken, the dot-file is not (the file consumer skips hidden files)
        assertThat(klaar.matches(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> inhoud(gba.resolve("verwerkt")).size() == 1);
        assertThat(Files.exists(gba.resolve(".mutaties.csv"))).isTrue();
    }

    @Test
    void whatWasTakenLongerAgoThanTheRetentionIsRemovedAndTheRestIsReadableByTheHubOnly() throws Exception {
        Path verwerkt = Files.createDirectories(gba.resolve("verwerkt"));
        Path fout = Files.createDirectories(ab.resolve("fout"));
        Files.setPosixFilePermissions(verwerkt, PosixFilePermissions.fromString("rwxrwxrwx"));
        String nu = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        String lang = LocalDateTime.now().minusDays(31).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        String kort = LocalDateTime.now().minusDays(29).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path vers = Files.writeString(verwerkt.resolve(nu + "-mutaties.csv"), "bsn;postcode\n");
        Path binnen = Files.writeString(verwerkt.resolve(kort + "-mutaties.csv"), "bsn;postcode\n");
        Files.setPosixFilePermissions(vers, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path oud = Files.writeString(verwerkt.resolve(lang + "-mutaties.csv"), "bsn;postcode\n");
        Path oudeReden = Files.writeString(fout.resolve(lang + "-00AA.csv.reden.txt"), "reden\n");
        // a name of another shape (moved there by hand): its own time counts
        Path zonderTijd = Files.writeString(fout.resolve("lijst.csv"), "leerling\n");
        Files.setLastModifiedTime(zonderTijd, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Path zonderTijdVers = Files.writeString(fout.resolve("lijst2.csv"), "leerling\n");
        // a mode that gives less than the hub's is left as it is: the clean-up only narrows (it made a 600 file 640)
        Path streng = Files.writeString(fout.resolve("streng.csv"), "leerling\n");
        Files.setPosixFilePermissions(streng, PosixFilePermissions.fromString("rw-------"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(oud) && !Files.exists(oudeReden) && !Files.exists(zonderTijd)
                && Files.getPosixFilePermissions(vers).equals(PosixFilePermissions.fromString("rw-r-----")));
        assertThat(inhoud(verwerkt)).containsExactly(kort + "-mutaties.csv", nu + "-mutaties.csv");
        assertThat(inhoud(fout)).containsExactly("lijst2.csv", "streng.csv");
        assertThat(Files.getPosixFilePermissions(streng)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(binnen)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.getPosixFilePermissions(zonderTijdVers)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.getPosixFilePermissions(verwerkt)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(fout)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        // the watched directory itself is the operator's: its mode is left as it was
        assertThat(Files.getPosixFilePermissions(gba)).contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static void zetNeer(Path map, String naam, String inhoud) throws Exception {
        // written aside and moved in, so the consumer never sees half a file
        Path tijdelijk = Files.writeString(map.getParent().resolve(naam + ".tmp"), inhoud, StandardCharsets.UTF_8);
        Files.move(tijdelijk, map.resolve(naam));
    }

    private static List<String> inhoud(Path map) throws Exception {
        if (!Files.isDirectory(map)) {
            return List.of();
        }
        try (Stream<Path> bestanden = Files.list(map)) {
            return bestanden.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void leeg(Path map) throws Exception {
        try (Stream<Path> alles = Files.walk(map)) {
            alles.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(map)).forEach(p -> p.toFile().delete());
        }
    }

    /** The hub's afleverFilter moves an entry that is not a regular file aside; here every entry is a regular file. */
    public static class AfleverFilter implements GenericFileFilter<File> {
        @Override
        public boolean accept(GenericFile<File> bestand) {
            return true;
        }
    }

    /** Reads the file the route names, with the route's size limit. */
    public static class Afleverbestanden extends Dubbel {
        public String lees(String pad, long maxBytes) throws Exception {
            stap("lees", null);
            assertThat(maxBytes).isPositive();
            return Files.readString(Path.of(pad));
        }
    }

    /** The reason of the failure the error handling caught, as the hub's bestandFouten gives it. */
    public static class BestandFouten extends Dubbel {
        public String reden(Exchange e) {
            stap("reden", e);
            return "reden: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
        }
    }

    public static class AbOpgaveBestand extends Dubbel {
        public void controleerNaam(Exchange e) {
            stap("controleerNaam", e);
        }

        public int importeer(Exchange e) {
            stap("importeer", e);
            return e.getIn().getBody(String.class).split("\n").length;
        }
    }
}
