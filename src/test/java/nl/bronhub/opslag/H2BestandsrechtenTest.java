package nl.bronhub.opslag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file holds every pupil's personal data: after start only its owner may read it, whatever mode H2 made it
 * with, and the trace file H2 writes errors to is made owner-only before H2 writes to it.
 */
class H2BestandsrechtenTest {

    @TempDir
    Path map;

    @Test
    void hetDatabasebestandEnZijnTracebestandZijnAlleenVoorDeEigenaar() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:" + map.resolve("bron-hub") + ";WRITE_DELAY=0");
            pool.getConnection().close();
            Path bestand = map.resolve("bron-hub.mv.db");
            // as H2 made it: the umask's mode (readable by others under the usual 022)
            Files.setPosixFilePermissions(bestand, PosixFilePermissions.fromString("rw-r--r--"));

            new H2Bestandsrechten(pool).beperk();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bestand))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(map.resolve("bron-hub.trace.db")))).isEqualTo("rw-------");

            // H2 appends to the trace file it finds, and its mode stays
            try (var c = pool.getConnection(); var s = c.createStatement()) {
                s.execute("set trace_level_file 3");
                s.execute("select 1");
            }
            assertThat(Files.size(map.resolve("bron-hub.trace.db"))).isPositive();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(map.resolve("bron-hub.trace.db")))).isEqualTo("rw-------");
        }
    }

    @Test
    void eenDatabaseInHetGeheugenHeeftGeenBestand() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:rechten");
            new H2Bestandsrechten(pool).beperk();
            assertThat(map).isEmptyDirectory();
        }
    }
}
