package nl.bronhub.opslag;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** H2's result reuse goes off on every connection of an H2 pool (IdentificatieTest shows why), and only there. */
class H2InstellingenTest {

    @Test
    void elkeVerbindingMetH2ZetHetHergebruikUit() throws SQLException {
        try (HikariDataSource h2 = pool("jdbc:h2:mem:instellingen;DB_CLOSE_DELAY=-1", null)) {
            assertThat(h2.getConnectionInitSql()).isEqualTo("SET OPTIMIZE_REUSE_RESULTS FALSE");
            try (Connection c = h2.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
        // an operator's own statement stays, and both run
        try (HikariDataSource eigen = pool("jdbc:h2:mem:eigen;DB_CLOSE_DELAY=-1", "SET LOCK_TIMEOUT 5000")) {
            assertThat(eigen.getConnectionInitSql()).isEqualTo("SET LOCK_TIMEOUT 5000; SET OPTIMIZE_REUSE_RESULTS FALSE");
            try (Connection c = eigen.getConnection(); var r = c.createStatement().executeQuery("select lock_timeout()")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(5000);
            }
        }
        try (HikariDataSource postgres = pool("jdbc:postgresql://localhost:1/geen", null)) {
            assertThat(postgres.getConnectionInitSql()).isNull();
        }
    }

    private static HikariDataSource pool(String url, String init) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setConnectionInitSql(init);
        new H2Instellingen().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }
}
