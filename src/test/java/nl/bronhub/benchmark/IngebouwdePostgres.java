package nl.bronhub.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL of a benchmark run (benchmark/draai.sh with BENCHMARK_DB=postgres): the same embedded server the
 * tests use, on a port of the run's choosing, with an empty database 'bron'. Writes the JDBC URL to the file named
 * second once the database is there, and runs until the process is stopped.
 * usage: IngebouwdePostgres PORT URL_FILE
 */
public final class IngebouwdePostgres {

    private IngebouwdePostgres() {
    }

    public static void main(String[] args) throws Exception {
        int poort = Integer.parseInt(args[0]);
        Path urlBestand = Path.of(args[1]);
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(poort).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the process ends anyway
            }
        }));
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database bron");
        }
        Files.writeString(urlBestand, server.getJdbcUrl("postgres", "bron"));
        new CountDownLatch(1).await();
    }
}
