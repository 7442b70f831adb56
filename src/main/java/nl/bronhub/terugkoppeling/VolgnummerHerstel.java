package nl.bronhub.terugkoppeling;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * At start, right after the migrations and before any route runs: each aanleverpunt's volgnummer counter is made to
 * agree with the last terugkoppeling it actually handed out. The counter and the terugkoppelingen are written in one
 * transaction, so they always agree, except after a crash in the middle of a commit on H2: once (CrashIT), H2's recovery
 * kept part of a cut-off transaction, the counter raised but not the terugkoppelingen, and the LAS then saw a gap in its
 * volgnummers. A counter below the queue's last number would make every later terugkoppeling of the aanleverpunt fail.
 * Either way the counter is set to the highest number handed out (still queued, acknowledged, or pushed), and the
 * operator is told.
 */
@Configuration(proxyBeanMethods = false)
public class VolgnummerHerstel {

    private static final Logger LOG = LoggerFactory.getLogger(VolgnummerHerstel.class);

    /**
     * Per aanleverpunt, in one statement (one view of the database): the counter, the highest number still in the queue,
     * and how far the queue is acknowledged or pushed.
     */
    private static final String TELLERS = "select a.id, a.brin, a.aanleverpuntnummer, a.laatste_volgnummer, "
            + "(select max(t.volgnummer) from terugkoppeling t where t.aanleverpunt_id = a.id) as hoogste_in_wachtrij, greatest("
            + "coalesce((select b.tot_en_met from terugkoppeling_bevestigd b where b.aanleverpunt_id = a.id), 0), "
            + "coalesce((select p.laatst_afgeleverd from terugkoppeling_push p where p.aanleverpunt_id = a.id), 0)) as afgehandeld "
            + "from aanleverpunt a";

    /**
     * Only if the counter is still what was read: another instance on the same PostgreSQL that took numbers meanwhile
     * holds the row until its commit, and then the counter differs and is left alone.
     */
    private static final String ZET = "update aanleverpunt set laatste_volgnummer = :hoogste where id = :id and laatste_volgnummer = :was";

    @Bean
    FlywayMigrationStrategy migrerenEnVolgnummersHerstellen(DataSource dataSource) {
        return flyway -> {
            flyway.migrate();
            herstel(new NamedParameterJdbcTemplate(dataSource));
        };
    }

    /** Returns how many counters were set. */
    static int herstel(NamedParameterJdbcTemplate jdbc) {
        int gezet = 0;
        List<Map<String, Object>> tellers = jdbc.queryForList(TELLERS, Map.of());
        for (Map<String, Object> t : tellers) {
            long was = ((Number) t.get("laatste_volgnummer")).longValue();
            Number inWachtrij = (Number) t.get("hoogste_in_wachtrij");
            long hoogste = Math.max(inWachtrij == null ? 0 : inWachtrij.longValue(), ((Number) t.get("afgehandeld")).longValue());
            // lowered only while the queue still holds a terugkoppeling: acknowledged ones are removed after the bewaartermijn,
            // and of a queue emptied that way a database from before V25 may not know how far it went
            boolean zetten = was < hoogste || (was > hoogste && inWachtrij != null);
            if (zetten && jdbc.update(ZET, Map.of("id", t.get("id"), "hoogste", hoogste, "was", was)) == 1) {
                LOG.warn("Aanleverpunt {}/{}: its volgnummer counter stood at {}, but the last terugkoppeling handed out is {}; "
                        + "set to {} (a transaction cut off by a crash kept part of its writes)",
                        t.get("brin"), t.get("aanleverpuntnummer"), was, hoogste, hoogste);
                gezet++;
            }
        }
        return gezet;
    }
}
