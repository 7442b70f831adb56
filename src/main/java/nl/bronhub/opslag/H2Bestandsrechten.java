package nl.bronhub.opslag;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 file holds every pupil's BSN, name and address and the password hashes: only the hub's own user may
 * read it. H2 makes its files with the process's umask (often 644, readable by every user of the machine), so at start,
 * once Flyway has made the file, the database file and its trace file are narrowed to 600. The trace file, which H2
 * writes only when an error comes, is made empty with that mode if it is not there yet: H2 appends to it and keeps the
 * mode. The directory is left as it is (the operator's: it may hold watched directories another user writes to).
 * PostgreSQL keeps its own files.
 */
@Component
public class H2Bestandsrechten {

    private static final Logger LOG = LoggerFactory.getLogger(H2Bestandsrechten.class);
    static final Set<PosixFilePermission> ALLEEN_EIGENAAR = PosixFilePermissions.fromString("rw-------");

    private final DataSource dataSource;

    public H2Bestandsrechten(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** After the context is up (Flyway has made or opened the file). */
    @EventListener(ContextRefreshedEvent.class)
    public void beperk() {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = Vastlegging.store(c);
            if (store == null) {
                return;
            }
            Path bestand = Path.of(store.getFileStore().getFileName()).toAbsolutePath();
            String naam = bestand.getFileName().toString();
            Path trace = bestand.resolveSibling(naam.substring(0, naam.length() - ".mv.db".length()) + ".trace.db");
            try {
                Files.createFile(trace, PosixFilePermissions.asFileAttribute(ALLEEN_EIGENAAR));
            } catch (FileAlreadyExistsException e) {
                // H2 wrote errors before: narrowed below
            }
            for (Path p : List.of(bestand, trace)) {
                Files.setPosixFilePermissions(p, ALLEEN_EIGENAAR);
            }
        } catch (UnsupportedOperationException e) {
            LOG.warn("The H2 database file's mode could not be narrowed: this file system has no POSIX permissions");
        } catch (SQLException | IOException e) {
            LOG.warn("The H2 database file's mode could not be narrowed to 600: {}", e.getClass().getSimpleName());
        }
    }
}
