package nl.bronhub;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool which failures mean the connection is dead, so that it is replaced
 * rather than handed out again. Hikari knows the standard SQL states (08…, PostgreSQL's shutdown
 * codes); H2's server reports a stopped or restarted database with codes of its own, and without this
 * the hub kept failing on its old connections after the database was back.
 */
public class VerbrokenVerbinding implements SQLExceptionOverride {

    /** H2: connection broken, database closed, database called at shutdown, I/O error. */
    private static final Set<Integer> H2_VERBINDING_WEG = Set.of(90067, 90098, 90121, 90028);

    @java.lang.Override
    public Override adjudicate(SQLException fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && H2_VERBINDING_WEG.contains(sql.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
