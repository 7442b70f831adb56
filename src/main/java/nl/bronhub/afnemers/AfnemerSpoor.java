package nl.bronhub.afnemers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The afnemers' audit trail (table afnemer_audit): every delivery asked for, given or refused, with who asked,
 * which kind, which peildatum, how many cells and the outcome. Only what the hub recognised is written: an unknown
 * user name, kind or a malformed date is left out (null), never copied from the request.
 */
@Component
public class AfnemerSpoor {

    private static final Logger LOG = LoggerFactory.getLogger(AfnemerSpoor.class);

    public record Regel(long id, Instant moment, String afnemer, String soort, LocalDate peildatum, String formaat, int cellen,
                        int onderdrukt, int status, String uitkomst) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;

    public AfnemerSpoor(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    public void vastleggen(String afnemer, Leveringsoort soort, LocalDate peildatum, String formaat, int cellen, int onderdrukt,
                           int status, String uitkomst) {
        String code = afnemer != null && Afnemers.CODE.matcher(afnemer).matches() ? afnemer : null;
        try {
            jdbc.update("insert into afnemer_audit (moment, afnemer, soort, peildatum, formaat, cellen, onderdrukt, status, uitkomst) "
                    + "values (:moment, :afnemer, :soort, :peildatum, :formaat, :cellen, :onderdrukt, :status, :uitkomst)",
                    new MapSqlParameterSource("moment", Timestamp.from(klok.instant()))
                            .addValue("afnemer", code)
                            .addValue("soort", soort == null ? null : soort.naam())
                            .addValue("peildatum", peildatum == null ? null : Date.valueOf(peildatum))
                            .addValue("formaat", formaat)
                            .addValue("cellen", cellen)
                            .addValue("onderdrukt", onderdrukt)
                            .addValue("status", status)
                            .addValue("uitkomst", uitkomst));
        } catch (RuntimeException e) {
            LOG.warn("Afnemer audit row could not be written ({})", e.getClass().getName());
        }
        LOG.info("afnemer levering afnemer={} soort={} peildatum={} formaat={} cellen={} onderdrukt={} status={} uitkomst={}",
                code == null ? "-" : code, soort == null ? "-" : soort.naam(), peildatum == null ? "-" : peildatum,
                formaat == null ? "-" : formaat, cellen, onderdrukt, status, uitkomst);
    }

    /** Newest first; optionally one afnemer's rows. */
    public List<Regel> lees(String afnemer, int aantal) {
        // two statements rather than ':afnemer is null', whose parameter type PostgreSQL cannot infer
        return jdbc.query("select id, moment, afnemer, soort, peildatum, formaat, cellen, onderdrukt, status, uitkomst from afnemer_audit "
                        + (afnemer == null ? "" : "where afnemer = :afnemer ") + "order by id desc limit :aantal",
                new MapSqlParameterSource("afnemer", afnemer).addValue("aantal", aantal),
                (rs, n) -> new Regel(rs.getLong("id"), rs.getTimestamp("moment").toInstant(), rs.getString("afnemer"),
                        rs.getString("soort"), rs.getDate("peildatum") == null ? null : rs.getDate("peildatum").toLocalDate(),
                        rs.getString("formaat"), rs.getInt("cellen"), rs.getInt("onderdrukt"), rs.getInt("status"), rs.getString("uitkomst")));
    }
}
