package nl.bronhub.opslag;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a commit of the embedded H2 database is in its file. H2 writes what was committed to the file every
 * {@code WRITE_DELAY} ms (the URL in config/application.yaml), one chunk for all that was committed meanwhile; this
 * makes every commit that changed something wait for that write itself, as {@code WRITE_DELAY=0} would, so that nothing
 * the hub answers, moves or sends after a commit can be lost to a crash (an aanlevering acknowledged, a terugkoppeling
 * fetched, an operator's change, a watched file moved away). Only a transaction that says so ({@link #nietAfwachten})
 * leaves its commit to the next write: one whose effect nobody has been told of yet (a reeks processed, the GTB
 * recounted, a fetch that served and acknowledged nothing). A crash before that write loses such a transaction whole,
 * and it is done again (its berichten still wait). Every write that is waited for carries them along, so nothing a LAS
 * has been shown is lost either. A write per commit was a fifth of the hub's CPU (BENCHMARKS.md).
 * <p>
 * Only for an H2 file opened by the hub itself; on PostgreSQL (and an H2 server) it does nothing: there each commit is
 * the database's own.
 */
@Component("vastlegging")
public class Vastlegging implements BeanPostProcessor {

    private static final Object NIET_AFWACHTEN = new Object();

    /** The H2 file's pool, once wrapped; null on any other database. */
    private volatile Afwachtend bron;

    /**
     * In a transaction: its commit does not wait for H2's file write. Route verwerk-reeks and the GTB call it at the
     * start of theirs, TerugkoppelingOphalen for a fetch that served and acknowledged nothing.
     */
    public void nietAfwachten() {
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(NIET_AFWACHTEN)) {
            TransactionSynchronizationManager.bindResource(NIET_AFWACHTEN, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(NIET_AFWACHTEN);
                }
            });
        }
    }

    /**
     * Has H2 write what was committed so far, if anything waits: before an answer that shows the register as it is (a
     * registratieoverzicht may show an onderwijsnummer a reeks gave, whose commit did not wait).
     */
    public void afwachten() throws SQLException {
        if (bron == null) {
            return; // not an H2 file: each commit is the database's own
        }
        MVStore store = laatsteStore;
        if (store == null || store.isClosed()) {
            // the first time, or H2 closed and opened the database again
            try (Connection c = bron.getConnection()) {
                store = store(c);
            }
            laatsteStore = store;
        }
        if (store != null && !store.isClosed()) {
            store.commit();
        }
    }

    /** The H2 file's store as last found, so that a wait needs no connection from the pool. */
    private volatile MVStore laatsteStore;

    private static boolean transactieWacht() {
        return !TransactionSynchronizationManager.hasResource(NIET_AFWACHTEN);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String naam) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:file:")) {
            bron = new Afwachtend(pool);
            return bron;
        }
        return bean;
    }

    /** The pool, handing out connections whose commits wait for H2's file write; closed with it (Spring closes the pool). */
    static final class Afwachtend extends DelegatingDataSource implements AutoCloseable {

        private final HikariDataSource pool;

        Afwachtend(HikariDataSource pool) {
            super(pool);
            this.pool = pool;
        }

        @Override
        public void close() {
            pool.close();
        }

        @Override
        public Connection getConnection() throws SQLException {
            return verbinding(super.getConnection());
        }

        @Override
        public Connection getConnection(String gebruiker, String wachtwoord) throws SQLException {
            return verbinding(super.getConnection(gebruiker, wachtwoord));
        }

        private static Connection verbinding(Connection doel) {
            return (Connection) Proxy.newProxyInstance(Vastlegging.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new Verbinding(doel));
        }
    }

    /**
     * Notes whether the connection ran a statement that changes something since its last commit; at a commit, or when
     * it is given back after such statements in auto-commit, it has H2 write the file unless the transaction said not to.
     */
    private static final class Verbinding implements InvocationHandler {
        private final Connection doel;
        private boolean gewijzigd;

        Verbinding(Connection doel) {
            this.doel = doel;
        }

        @Override
        public Object invoke(Object proxy, Method methode, Object[] args) throws Throwable {
            switch (methode.getName()) {
                case "prepareStatement", "prepareCall" -> gewijzigd |= !(args[0] instanceof String sql) || wijzigt(sql);
                case "createStatement" -> gewijzigd = true; // its SQL comes later: taken to change something
                case "commit" -> {
                    doel.commit();
                    schrijfAlsGewijzigd(transactieWacht());
                    return null;
                }
                case "rollback" -> {
                    if (args == null) {
                        gewijzigd = false;
                    }
                }
                case "close" -> {
                    if (!doel.isClosed() && doel.getAutoCommit()) {
                        schrijfAlsGewijzigd(true); // statements in auto-commit: each was a commit of its own
                    }
                    gewijzigd = false;
                }
                case "unwrap" -> {
                    if (args[0] == Connection.class) {
                        return proxy;
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> { }
            }
            try {
                return methode.invoke(doel, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void schrijfAlsGewijzigd(boolean afwachten) throws SQLException {
            if (gewijzigd && afwachten) {
                MVStore store = store(doel);
                if (store != null && !store.isClosed()) {
                    store.commit(); // H2's own write, as WRITE_DELAY=0 makes every commit do
                }
            }
            gewijzigd = false;
        }

        /** Reading statements (a select without nextval) change nothing; anything else may. */
        private static boolean wijzigt(String sql) {
            String begin = sql.stripLeading();
            String woord = begin.length() < 6 ? begin : begin.substring(0, 6);
            return !woord.toLowerCase(Locale.ROOT).equals("select") || sql.toLowerCase(Locale.ROOT).contains("nextval");
        }
    }

    /** The H2 file's store behind a connection; null for any other database. */
    static MVStore store(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal sessie)) {
            return null; // a server connection (jdbc:h2:tcp): that server keeps its own file
        }
        var opslag = sessie.getDatabase().getStore();
        // an in-memory database (jdbc:h2:mem) has no file
        return opslag == null || opslag.getMvStore().getFileStore() == null ? null : opslag.getMvStore();
    }
}
