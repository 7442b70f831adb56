package nl.bronhub;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The file filter of the watched directories, before a file is read:
 * <ul>
 * <li>A .csv entry that is not a regular file (a symbolic link, a FIFO, a device, a socket) is moved to fout/ with its
 * reason, never opened: reading a FIFO blocks the route, and a link could lead outside the directory.</li>
 * <li>A name the hub cannot move whole to verwerkt/ or fout/ (longer than {@value #MAX_NAAM_BYTES} bytes, or with a
 * control character such as a line break) is moved to fout/ under a name that can be, with its reason: such a file was
 * read on every poll and failed on every move.</li>
 * <li>A file whose last line has no line ending yet is left for a later poll, until it has not changed for
 * {@code bron.afleverbestanden.regeleinde-wachten}: a copy that pauses in the middle of a line (a slow share, a
 * stalled upload) is otherwise read cut short, with a truncated last value applied as if it were whole. After the wait
 * the file is read as it is (an editor that writes no line ending after the last line).</li>
 * </ul>
 * A subdirectory (verwerkt/, fout/, or one an operator made) is never entered; one named .csv is told about in the log
 * once. Dot-files (an upload in progress, as rsync and scp write them) are left alone by the file consumer itself.
 */
@Component("afleverFilter")
public class AfleverFilter implements GenericFileFilter<File> {

    static final String GEEN_GEWOON_BESTAND = "het is geen gewoon bestand (een symbolische koppeling, FIFO of apparaat); het is niet gelezen";
    static final String HARDE_KOPPELING = "het bestand heeft ook een naam buiten deze map (een harde koppeling); het is niet gelezen: "
            + "kopieer of verplaats het bestand zelf hierheen";

    /** How many names the file has (unix:nlink), 1 where the file system does not tell. */
    static int koppelingen(Path pad) {
        try {
            return ((Number) Files.getAttribute(pad, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException onbekend) {
            return 1;
        }
    }
    /** Room for the time stamp before it (verwerkt/, fout/) and ".reden.txt" after it, inside the 255 bytes of a name. */
    static final int MAX_NAAM_BYTES = 200;
    static final String NAAM_TE_LANG = "de bestandsnaam is langer dan " + MAX_NAAM_BYTES + " bytes; het bestand is niet gelezen";
    static final String NAAM_MET_STUURTEKEN = "de bestandsnaam bevat een stuurteken (zoals een regeleinde); het bestand is niet gelezen";
    /** The time stamp before a moved file's name, as the route's move and moveFailed write it. */
    static final DateTimeFormatter STEMPEL = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private static final Logger LOG = LoggerFactory.getLogger(AfleverFilter.class);

    private final Duration regeleindeWachten;
    /** Files told about in the log as waiting for their line ending, with the size they had then: one line per state. */
    private final Map<Path, Long> wachtend = new ConcurrentHashMap<>();
    /** Entries the hub cannot take, told about once (a name that is no UTF-8, a directory named .csv). */
    private final Set<Path> gemeld = ConcurrentHashMap.newKeySet();

    public AfleverFilter(@Value("${bron.afleverbestanden.regeleinde-wachten:60s}") Duration regeleindeWachten) {
        this.regeleindeWachten = regeleindeWachten;
    }

    @Override
    public boolean accept(GenericFile<File> bestand) {
        Path pad = bestand.getFile().toPath();
        BasicFileAttributes a;
        String naam = pad.getFileName().toString();
        boolean csv = naam.toLowerCase(Locale.ROOT).endsWith(".csv");
        try {
            a = Files.readAttributes(pad, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException weg) {
            // a name that is no UTF-8 reaches Java with U+FFFD for its bytes and cannot be opened or moved by that name
            if (csv && naam.indexOf('\uFFFD') >= 0 && gemeld.add(pad)) {
                LOG.warn("File {} in {} has a name that is not UTF-8; the hub cannot read or move it: rename it",
                        Afleverbestanden.veilig(naam), pad.getParent());
            }
            return false;
        }
        if (a.isDirectory()) {
            // the route lists subdirectories (recursive, one level) only so that this sees them: none is entered
            if (csv && gemeld.add(pad)) {
                LOG.warn("Directory {} in {} is not read (only files are): move its files into the directory itself",
                        Afleverbestanden.veilig(naam), pad.getParent());
            }
            return false;
        }
        if (naam.startsWith(".") || !csv) {
            return false;
        }
        if (naam.getBytes(StandardCharsets.UTF_8).length > MAX_NAAM_BYTES) {
            return weiger(pad, "naam-te-lang-" + kort(naam) + ".csv", NAAM_TE_LANG);
        }
        if (!naam.codePoints().allMatch(Afleverbestanden::toegestaan)) {
            return weiger(pad, Afleverbestanden.zonderStuurtekens(naam, 150, '_'), NAAM_MET_STUURTEKEN);
        }
        if (!a.isRegularFile()) {
            return weiger(pad, naam, GEEN_GEWOON_BESTAND);
        }
        // a hard link is a file that also lives elsewhere (perhaps a key of the hub's own): not opened, as a symbolic link
        if (koppelingen(pad) > 1) {
            return weiger(pad, naam, HARDE_KOPPELING);
        }
        if (a.size() > 0 && !eindigtOpRegeleinde(pad)) {
            Duration onveranderd = Duration.ofMillis(System.currentTimeMillis() - a.lastModifiedTime().toMillis());
            if (onveranderd.compareTo(regeleindeWachten) < 0) {
                if (!Long.valueOf(a.size()).equals(wachtend.put(pad, a.size()))) {
                    LOG.info("File {} waits: its last line has no line ending yet (read once it has not changed for {} s)",
                            Afleverbestanden.veilig(naam), regeleindeWachten.toSeconds());
                }
                return false;
            }
        }
        wachtend.remove(pad);
        return true;
    }

    /** The last byte is LF or CR (the last two, for UTF-16LE text, which a later step refuses with its reason). */
    private static boolean eindigtOpRegeleinde(Path pad) {
        try (SeekableByteChannel c = Files.newByteChannel(pad, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long grootte = c.size();
            ByteBuffer laatste = ByteBuffer.allocate((int) Math.min(2, grootte));
            c.position(grootte - laatste.capacity());
            while (laatste.hasRemaining() && c.read(laatste) > 0) {
                // read the last bytes whole
            }
            for (int i = 0; i < laatste.position(); i++) {
                byte b = laatste.get(i);
                if (b == '\n' || b == '\r') {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // swapped or gone since the check: the next poll sees what it is now
            return false;
        }
    }

    /** Moves the entry to fout/ unread, under {@code alsNaam} after a time stamp, with its reason beside it. */
    private static boolean weiger(Path pad, String alsNaam, String reden) {
        Path fout = pad.resolveSibling("fout");
        String naar = LocalDateTime.now().format(STEMPEL) + "-" + alsNaam;
        try {
            Files.createDirectories(fout);
            Files.move(pad, fout.resolve(naar), StandardCopyOption.REPLACE_EXISTING);
            Path redenBestand = Files.writeString(fout.resolve(naar + ".reden.txt"), BestandFouten.tekst(reden));
            if (redenBestand.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // as the route writes its reasons (chmod 640)
                Files.setPosixFilePermissions(redenBestand, PosixFilePermissions.fromString("rw-r-----"));
            }
            LOG.warn("File {} refused, not read: {}", Afleverbestanden.veilig(naar), reden);
        } catch (IOException e) {
            LOG.warn("File {} refused, not read ({}), and could not be moved to fout/ ({})", Afleverbestanden.veilig(alsNaam), reden,
                    e.getClass().getSimpleName());
        }
        return false;
    }

    /** Eight hex digits of the name's hash: two long names refused in one second keep apart. */
    private static String kort(String naam) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(naam.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
