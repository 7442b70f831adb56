package nl.bronhub.opslag;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a commit of the H2 file is in the file: at once for every commit that changed something (a transaction's, or a
 * statement's in auto-commit), unless its transaction said it need not wait; then at the next write that does wait, or
 * H2's own write WRITE_DELAY ms later (here a minute, so that only the hub's waits write). Reads write nothing.
 * CrashIT shows the same by killing the packaged hub under load.
 */
class VastleggingTest {

    @TempDir
    Path map;

    private final Vastlegging vastlegging = new Vastlegging();
    private HikariDataSource pool;
    private DataSource bron;
    private NamedParameterJdbcTemplate jdbc;
    private TransactionTemplate transactie;

    @BeforeEach
    void open() {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + map.resolve("db") + ";WRITE_DELAY=60000");
        bron = (DataSource) vastlegging.postProcessAfterInitialization(pool, "dataSource");
        jdbc = new NamedParameterJdbcTemplate(bron);
        transactie = new TransactionTemplate(new DataSourceTransactionManager(bron));
        jdbc.getJdbcTemplate().execute("create table rij (id int primary key, waarde varchar(20))");
    }

    @AfterEach
    void sluit() throws Exception {
        ((AutoCloseable) bron).close();
        assertThat(pool.isClosed()).as("the pool closes with its wrapper").isTrue();
    }

    @Test
    void eenCommitDieIetsWijzigtStaatMeteenInHetBestand() {
        transactie.executeWithoutResult(t -> jdbc.update("insert into rij values (1, 'een')", Map.of()));
        assertThat(nietGeschreven()).as("a transaction's commit").isFalse();

        jdbc.update("insert into rij values (2, 'twee')", Map.of());
        assertThat(nietGeschreven()).as("a statement in auto-commit").isFalse();
    }

    @Test
    void eenTransactieDieNietWachtWordtMetDeVolgendeDieWelWachtGeschreven() {
        zonderWachten("insert into rij values (1, 'een')");
        assertThat(nietGeschreven()).as("committed, not yet written").isTrue();

        jdbc.queryForList("select * from rij", Map.of());
        transactie.executeWithoutResult(t -> jdbc.queryForList("select * from rij", Map.of()));
        assertThat(nietGeschreven()).as("reads do not write").isTrue();

        transactie.executeWithoutResult(t -> jdbc.update("insert into rij values (2, 'twee')", Map.of()));
        assertThat(nietGeschreven()).as("the next commit that waits writes both").isFalse();
    }

    @Test
    void afwachtenSchrijftWatNogNietGeschrevenIs() throws SQLException {
        zonderWachten("insert into rij values (1, 'een')");
        // the flag ends with its transaction: the next one waits again
        transactie.executeWithoutResult(t -> jdbc.queryForList("select * from rij", Map.of()));
        assertThat(nietGeschreven()).isTrue();

        vastlegging.afwachten();

        assertThat(nietGeschreven()).isFalse();
        transactie.executeWithoutResult(t -> jdbc.update("insert into rij values (2, 'twee')", Map.of()));
        assertThat(nietGeschreven()).as("a transaction after one that did not wait waits again").isFalse();
    }

    @Test
    void eenTeruggedraaideTransactieSchrijftNiets() {
        zonderWachten("insert into rij values (1, 'een')");
        transactie.executeWithoutResult(t -> {
            jdbc.update("insert into rij values (2, 'twee')", Map.of());
            t.setRollbackOnly();
        });
        assertThat(nietGeschreven()).as("the rollback waited for nothing").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from rij", Map.of(), Integer.class)).isEqualTo(1);
    }

    /**
     * A request at a door for people (portal, operator, afnemers) has H2 write what waits, before and after it is
     * handled: a page never shows an onderwijsnummer that a crash then loses (a crash look saw the GTB pages do so). The
     * LAS door is left to its routes.
     */
    @Test
    void eenVerzoekAanEenDeurVoorMensenSchrijftWatWacht() throws Exception {
        VastleggenVoorMensen filter = new VastleggenVoorMensen(vastlegging);
        zonderWachten("insert into rij values (1, 'een')");

        filter.doFilter(new MockHttpServletRequest("POST", "/services/uitwisseling/v1"), new MockHttpServletResponse(),
                new MockFilterChain());
        assertThat(nietGeschreven()).as("the LAS door").isTrue();

        boolean[] tijdens = new boolean[1];
        filter.doFilter(new MockHttpServletRequest("GET", "/portaal/00AA/gtb/01/2026-10-01"), new MockHttpServletResponse(),
                (verzoek, antwoord) -> {
                    tijdens[0] = nietGeschreven();
                    zonderWachten("insert into rij values (2, 'twee')");
                });
        assertThat(tijdens[0]).as("written before the page reads").isFalse();
        assertThat(nietGeschreven()).as("and what was committed meanwhile, before the page leaves").isFalse();
    }

    /**
     * A page larger than the answer's buffer leaves only after the write: Tomcat would send the first part while the
     * page is still being made, and a reeks committed while it was read could be on the screen before it is in the file.
     */
    @Test
    void eenGrotePaginaGaatPasWegAlsWatZeLasGeschrevenIs() throws Exception {
        VastleggenVoorMensen filter = new VastleggenVoorMensen(vastlegging);
        Boolean[] nietGeschrevenBijVersturen = new Boolean[1];
        MockHttpServletResponse antwoord = new MockHttpServletResponse() {
            @Override
            public void setCommitted(boolean committed) {
                if (committed && nietGeschrevenBijVersturen[0] == null) {
                    nietGeschrevenBijVersturen[0] = nietGeschreven();
                }
                super.setCommitted(committed);
            }
        };
        byte[] regel = "<tr><td>onderwijsnummer</td></tr>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        filter.doFilter(new MockHttpServletRequest("GET", "/operator/gtb/00AA"), antwoord, (verzoek, a) -> {
            zonderWachten("insert into rij values (3, 'drie')");
            for (int i = 0; i < 4 * antwoord.getBufferSize() / regel.length + 1; i++) {
                a.getOutputStream().write(regel);
            }
        });
        assertThat(nietGeschrevenBijVersturen[0]).as("the page left while what it read was not in the file").isFalse();
        assertThat(antwoord.getContentAsByteArray()).as("the whole page, once").hasSize((4 * antwoord.getBufferSize() / regel.length + 1) * regel.length);
        assertThat(antwoord.getContentLength()).isEqualTo(antwoord.getContentAsByteArray().length);
    }

    /** A transaction that says its commit need not wait for the file. */
    private void zonderWachten(String sql) {
        transactie.executeWithoutResult(t -> {
            vastlegging.nietAfwachten();
            jdbc.update(sql, Map.of());
        });
    }

    /** Whether H2 holds committed changes it has not written to the file. */
    private boolean nietGeschreven() {
        try (Connection c = pool.getConnection()) {
            MVStore store = Vastlegging.store(c);
            return store.hasUnsavedChanges();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
