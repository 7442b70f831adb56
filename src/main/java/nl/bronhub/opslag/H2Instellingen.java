package nl.bronhub.opslag;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Settings of the embedded H2 database that the hub's correctness needs, whatever URL the operator configured: run on
 * every new connection of the pool (Hikari's connection-init-sql), so they hold from the migrations on and again
 * after H2 has closed and reopened the database. On PostgreSQL it does nothing.
 * <p>
 * {@code OPTIMIZE_REUSE_RESULTS} off: H2 2.3 may answer a query it ran before from the result it kept, although
 * another transaction has committed rows the query should now see (h2database issues 3894 and 4208; fixed after
 * 2.3.232). Identification takes a lock and then looks again for the number another school's transaction just
 * gave the same child; with the kept result it did not see it, and gave the child a second onderwijsnummer.
 */
@Component
public class H2Instellingen implements BeanPostProcessor {

    static final String ZONDER_HERGEBRUIK = "SET OPTIMIZE_REUSE_RESULTS FALSE";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String naam) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            String eigen = pool.getConnectionInitSql();
            // an operator's own init statement stays, before this one (H2 runs the two as one command list)
            pool.setConnectionInitSql(eigen == null || eigen.isBlank() ? ZONDER_HERGEBRUIK : eigen + "; " + ZONDER_HERGEBRUIK);
        }
        return bean;
    }
}
