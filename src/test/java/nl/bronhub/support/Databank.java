package nl.bronhub.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;

/**
 * The database a test hub runs on: H2 in file mode, or (with -Dbron.test.database=postgres, the
 * build's second test run) a fresh database on a real PostgreSQL server the build starts once per
 * test JVM, with the hub in its 'postgres' profile.
 */
public final class Databank {

    private static final AtomicInteger TELLER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Databank() {
    }

    /** One number from a query, for tests that read the database a stopped hub left. */
    public static long getal(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("bron.test.database"));
    }

    /** The properties that put a hub on a new, empty database (for H2: a file under {@code map}). */
    public static Map<String, String> nieuwe(Path map) {
        Map<String, String> p = new HashMap<>();
        if (!postgres()) {
            p.put("spring.datasource.url", "jdbc:h2:file:" + map.toAbsolutePath().resolve("bron-hub")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=500;COMPRESS=TRUE;DB_CLOSE_ON_EXIT=FALSE");
            return p;
        }
        String naam = "hub" + ProcessHandle.current().pid() + "_" + TELLER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + naam);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // the tests' hubs are demo runs on PostgreSQL: certificates made where missing, as on H2
        p.put("spring.profiles.active", "demo,postgres");
        p.put("spring.datasource.url", server().getJdbcUrl("postgres", naam));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        return p;
    }

    /** The embedded PostgreSQL server's own database (started on first use). */
    public static DataSource postgresDataSource() {
        return server().getPostgresDatabase();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM ends anyway
                }
            }));
        }
        return server;
    }
}
