package nl.bronhub;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What is left of the files an operator dropped (GBA changes, AB lists). verwerkt/ and fout/ hold BSNs, names and
 * addresses, so an entry is removed once bron.afleverbestanden.bewaartermijn-dagen have passed since the hub took it
 * (the time its name starts with; the file's own time for a name without one), and whatever the dropper's mode was,
 * a file is made readable by the hub's user and group only (640) and the two directories 750.
 */
@Component
public class AfleverbestandenOpschoning {

    private static final Logger LOG = LoggerFactory.getLogger(AfleverbestandenOpschoning.class);

    /** The start of a moved file's name (route template afleverbestand): when the hub took it, in the JVM's time zone. */
    private static final DateTimeFormatter GENOMEN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Set<PosixFilePermission> BESTAND = PosixFilePermissions.fromString("rw-r-----");
    private static final Set<PosixFilePermission> MAP = PosixFilePermissions.fromString("rwxr-x---");

    private final List<Path> mappen;
    private final int bewaartermijnDagen;
    private final Clock klok;
    /** A failure is warned about once (it would repeat every round); later ones at DEBUG. */
    private volatile boolean gemeld;

    @Autowired
    public AfleverbestandenOpschoning(@Value("${bron.gba.mutaties.map}") String gbaMutaties,
                                      @Value("${bron.gtb.ab-opgaven.map}") String abOpgaven,
                                      @Value("${bron.afleverbestanden.bewaartermijn-dagen:30}") int bewaartermijnDagen) {
        // the machine's clock, not the hub's (bron.klok.vast): the names carry the machine's time, and a hub run weeks
        // ahead for a demo would otherwise remove what it took a minute ago
        this(List.of(Path.of(gbaMutaties), Path.of(abOpgaven)), bewaartermijnDagen, Clock.systemDefaultZone());
    }

    public AfleverbestandenOpschoning(List<Path> mappen, int bewaartermijnDagen, Clock klok) {
        if (bewaartermijnDagen < 1) {
            throw new IllegalArgumentException("bron.afleverbestanden.bewaartermijn-dagen moet minstens 1 zijn");
        }
        this.mappen = mappen;
        this.bewaartermijnDagen = bewaartermijnDagen;
        this.klok = klok;
    }

    /** One round over verwerkt/ and fout/ of every watched directory; the number of entries removed. */
    public int ruimOp() {
        Instant grens = klok.instant().minus(Duration.ofDays(bewaartermijnDagen));
        int weg = 0;
        for (Path map : mappen) {
            for (String deel : List.of("verwerkt", "fout")) {
                weg += ruimOp(map.resolve(deel), grens);
            }
        }
        if (weg > 0) {
            LOG.info("{} files taken more than {} days ago removed from verwerkt/ and fout/ of the watched directories "
                    + "(bron.afleverbestanden.bewaartermijn-dagen)", weg, bewaartermijnDagen);
        }
        return weg;
    }

    private int ruimOp(Path deel, Instant grens) {
        // not a directory (or a link to one, which the hub did not make): left alone
        if (!Files.isDirectory(deel, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        beperk(deel, MAP);
        int weg = 0;
        try (DirectoryStream<Path> inhoud = Files.newDirectoryStream(deel)) {
            for (Path pad : inhoud) {
                try {
                    BasicFileAttributes a = Files.readAttributes(pad, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isDirectory()) {
                        continue;
                    }
                    if (genomen(pad.getFileName().toString(), a).isBefore(grens)) {
                        // a link or FIFO moved aside unread goes too (the entry itself, never what a link points to)
                        Files.deleteIfExists(pad);
                        weg++;
                    } else if (a.isRegularFile() && AfleverFilter.koppelingen(pad) == 1) {
                        // (a hard link moved aside unread is another file's too: its mode is not the hub's to set)
                        beperk(pad, BESTAND);
                    }
                } catch (IOException e) {
                    // one entry that cannot be handled (removed meanwhile, another owner) does not stop the round
                    meld("An entry in {} could not be cleaned up: {}", deel, e);
                }
            }
        } catch (IOException e) {
            meld("{} could not be read for clean-up: {}", deel, e);
        }
        return weg;
    }

    /** When the hub took the file: the time its name starts with, else the file's last change. */
    static Instant genomen(String naam, BasicFileAttributes a) {
        if (naam.length() > 19 && naam.charAt(19) == '-') {
            try {
                return LocalDateTime.parse(naam.substring(0, 19), GENOMEN).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException geenTijd) {
                // a name of another shape
            }
        }
        return a.lastModifiedTime().toInstant();
    }

    /** Sets the mode when it differs (only where the file system has POSIX modes). */
    private void beperk(Path pad, Set<PosixFilePermission> rechten) {
        PosixFileAttributeView view = Files.getFileAttributeView(pad, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            PosixFileAttributes a = view.readAttributes();
            // only ever narrowed: a mode that gives less than the hub's stays (a 600 file became 640)
            Set<PosixFilePermission> smaller = EnumSet.noneOf(PosixFilePermission.class);
            smaller.addAll(a.permissions());
            smaller.retainAll(rechten);
            if (!a.permissions().equals(smaller)) {
                view.setPermissions(smaller);
            }
        } catch (IOException | SecurityException e) {
            meld("The mode of an entry in {} could not be set: {}", pad.getParent(), e);
        }
    }

    private void meld(String tekst, Path map, Exception e) {
        if (gemeld) {
            LOG.debug(tekst, map, e.getClass().getSimpleName());
        } else {
            gemeld = true;
            LOG.warn(tekst + " (further failures of the clean-up at DEBUG)", map, e.getClass().getSimpleName());
        }
    }
}
