package nl.bronhub.opslag;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import nl.bronhub.support.Databank;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The H2 file's upkeep (route opslag-onderhoud): chunks that hold little live data are rewritten, and nothing is
 * lost doing so; on anything but an H2 file it does nothing.
 */
class H2OnderhoudTest {

    @TempDir
    Path map;

    @Test
    void herschrijftLegeChunksZonderGegevensTeVerliezen() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        // as the hub's URL (a chunk per commit, compressed); RETENTION_TIME=0 so that the chunks just written may be
        // rewritten at once, where the hub waits H2's 45 s
        ds.setURL("jdbc:h2:file:" + map.resolve("db") + ";WRITE_DELAY=0;COMPRESS=TRUE;RETENTION_TIME=0");
        try (Connection open = ds.getConnection()) { // keeps the database open between the calls
            open.createStatement().execute("create table rij (id int primary key, waarde varchar(200))");
            // many rows written once (they stay live in old chunks), then a few updated commit by commit: each
            // commit writes a chunk, and the earlier chunks keep less and less that is live
            try (PreparedStatement ps = open.prepareStatement("insert into rij values (?, ?)")) {
                for (int i = 0; i < 2000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "waarde " + i + " " + "x".repeat(100));
                    ps.execute();
                }
            }
            try (PreparedStatement ps = open.prepareStatement("update rij set waarde = ? where id = ?")) {
                for (int i = 0; i < 3000; i++) {
                    ps.setString(1, "gewijzigd " + i);
                    ps.setInt(2, (i * 7) % 2000);
                    ps.execute();
                }
            }

            H2Onderhoud onderhoud = new H2Onderhoud(ds, new OpslagEigenschappen(80, 1 << 20, 1000));
            // commits alone do not free the chunks that still hold a few live rows
            wijzig(open, 5);
            int voor = onderhoud.vulgraad();
            assertThat(voor).as("chunks' fill rate before").isBetween(0, 50);

            // the route's timer: a rewrite, then the hub's own commits free the chunks it emptied
            int herschreven = 0;
            for (int ronde = 0; ronde < 50 && onderhoud.vulgraad() < 80; ronde++) {
                if (onderhoud.compacteer()) {
                    herschreven++;
                }
                wijzig(open, 2);
            }
            assertThat(herschreven).as("rounds that rewrote chunks").isPositive();
            assertThat(onderhoud.vulgraad()).as("chunks' fill rate after").isGreaterThanOrEqualTo(80);

            try (ResultSet rs = open.createStatement().executeQuery(
                    "select count(*), count(case when waarde like 'gewijzigd %' then 1 end) from rij")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2000);
                assertThat(rs.getInt(2)).isEqualTo(2000); // every row was updated at least once (7 and 2000 coprime)
            }
        }
        // and the file opens again, whole
        try (Connection weer = ds.getConnection();
                ResultSet rs = weer.createStatement().executeQuery("select count(*) from rij where waarde is not null")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2000);
        }
    }

    private static void wijzig(Connection c, int keer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update rij set waarde = ? where id = 1")) {
            for (int i = 0; i < keer; i++) {
                ps.setString(1, "gewijzigd nogmaals " + i);
                ps.execute();
            }
        }
    }

    @Test
    void geenBestandGeenOnderhoud() throws SQLException {
        JdbcDataSource geheugen = new JdbcDataSource();
        geheugen.setURL("jdbc:h2:mem:onderhoud;DB_CLOSE_DELAY=-1");
        H2Onderhoud onderhoud = new H2Onderhoud(geheugen, new OpslagEigenschappen(80, 1 << 20, 1000));
        assertThat(onderhoud.compacteer()).isFalse();
        assertThat(onderhoud.vulgraad()).isEqualTo(-1);
    }

    @Test
    void doetNietsOpPostgres() throws SQLException {
        assumeTrue(Databank.postgres(), "runs with -Dbron.test.database=postgres");
        H2Onderhoud onderhoud = new H2Onderhoud(Databank.postgresDataSource(), new OpslagEigenschappen(80, 1 << 20, 1000));
        assertThat(onderhoud.compacteer()).isFalse();
        assertThat(onderhoud.vulgraad()).isEqualTo(-1);
    }
}
