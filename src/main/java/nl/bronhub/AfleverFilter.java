package nl.bronhub;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file filter of the watched directories. A .csv entry that is not a regular file (a symbolic
 * link, a FIFO, a device, a socket) is moved to fout/ with its reason, never opened: reading a FIFO
 * blocks the route, and a link could lead outside the directory. Dot-files (an upload in progress,
 * as rsync and scp write them) are left alone by the file consumer itself.
 */
@Component("afleverFilter")
public class AfleverFilter implements GenericFileFilter<File> {

    static final String GEEN_GEWOON_BESTAND = "het is geen gewoon bestand (een symbolische koppeling, FIFO of apparaat); het is niet gelezen";

    private static final Logger LOG = LoggerFactory.getLogger(AfleverFilter.class);

    @Override
    public boolean accept(GenericFile<File> bestand) {
        Path pad = bestand.getFile().toPath();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(pad, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException weg) {
            return false;
        }
        if (a.isRegularFile() || a.isDirectory()) {
            return true;
        }
        String naam = pad.getFileName().toString();
        if (naam.startsWith(".") || !naam.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        Path fout = pad.resolveSibling("fout");
        try {
            Files.createDirectories(fout);
            Files.move(pad, fout.resolve(naam), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(fout.resolve(naam + ".reden.txt"), BestandFouten.tekst(GEEN_GEWOON_BESTAND));
            LOG.warn("File {} refused, not read: not a regular file", Afleverbestanden.veilig(naam));
        } catch (IOException e) {
            LOG.warn("File {} is not a regular file and could not be moved to fout/ ({})", Afleverbestanden.veilig(naam),
                    e.getClass().getSimpleName());
        }
        return false;
    }
}
