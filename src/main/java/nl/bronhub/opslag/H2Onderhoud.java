package nl.bronhub.opslag;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file small (route {@code opslag-onderhoud}). Every write of the file is a chunk of its own (each
 * commit that waits for it, {@link Vastlegging}, and H2's own write every WRITE_DELAY ms), and chunks soon hold only a
 * few live pages: when every commit wrote one and nothing rewrote them, the file grew by some 25 KB per bericht while
 * the live data was about 1.5 KB. This rewrites those chunks a few MB
 * at a time, as H2's own background thread would, so that their space is taken again once the retention time has
 * passed. On PostgreSQL it does nothing: autovacuum does this there.
 */
@Component("opslagOnderhoud")
public class H2Onderhoud {

    private static final Logger LOG = LoggerFactory.getLogger(H2Onderhoud.class);

    private final DataSource dataSource;
    private final int vulgraad;
    private final int schrijfBytes;

    public H2Onderhoud(DataSource dataSource, OpslagEigenschappen opslag) {
        this.dataSource = dataSource;
        this.vulgraad = opslag.vulgraad();
        this.schrijfBytes = opslag.herschrijvenBytes();
    }

    /** Rewrites chunks below the fill rate, up to the configured bytes; true when it rewrote any. */
    public boolean compacteer() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = Vastlegging.store(c);
            if (store == null || store.isClosed()) {
                return false;
            }
            boolean herschreven = store.compact(vulgraad, schrijfBytes);
            if (herschreven) {
                LOG.debug("H2 chunks rewritten; their fill rate is now {}%", store.getFileStore().getChunksFillRate());
            }
            return herschreven;
        }
    }

    /**
     * How full H2's chunks are, in percent (live data against the space the chunks take): the figure that
     * {@code bron.opslag.h2.vulgraad} is compared with. -1 when the database is not an H2 file.
     */
    public int vulgraad() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = Vastlegging.store(c);
            return store == null || store.isClosed() ? -1 : store.getFileStore().getChunksFillRate();
        }
    }
}
