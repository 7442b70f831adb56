package nl.bronhub.opslag;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Settings of the embedded H2 database that the hub's correctness needs, whatever URL the operator configured: set
 * once the migrations have run (a Flyway callback, so before any route reads), for the whole database. On PostgreSQL
 * it does nothing.
 * <p>
 * {@code OPTIMIZE_REUSE_RESULTS} off: H2 2.3 may answer a query it ran before from the result it kept, although
 * another transaction has committed rows the query should now see (h2database issues 3894 and 4208; fixed after
 * 2.3.232). Identification takes a lock and then looks again for the number another school's transaction just
 * gave the same child; with the kept result it did not see it, and gave the child a second onderwijsnummer.
 */
@Component
public class H2Instellingen implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection c = context.getConnection();
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("H2 setting OPTIMIZE_REUSE_RESULTS could not be set", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "h2-instellingen";
    }
}
