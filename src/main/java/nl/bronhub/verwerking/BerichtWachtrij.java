package nl.bronhub.verwerking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The queue of received berichten: what waits, per aanleverpunt; inside the transaction of route verwerk-reeks, the
 * aanleverpunt's claim at its start and the reeks marked processed at its end.
 */
@Component
public class BerichtWachtrij {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;
    private final int perPoll;
    private final int bewaartermijnDagen;

    public BerichtWachtrij(NamedParameterJdbcTemplate jdbc, Clock klok, VerwerkingEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.perPoll = eigenschappen.batch();
        this.bewaartermijnDagen = eigenschappen.bewaartermijnDagen();
    }

    /**
     * The XML of berichten processed (or discarded by the operator) longer than bron.verwerking.bewaartermijn-dagen
     * ago is cleared: the hub never reads it again, and it is a pupil's personal data. The row stays (a bericht's
     * identificatie sent again still gets 396). Waiting and parked berichten keep theirs. Returns how many were cleared.
     */
    public int opschonen() {
        Timestamp grens = Timestamp.from(klok.instant().minus(Duration.ofDays(bewaartermijnDagen)));
        return jdbc.update("update bericht set inhoud = null where status in ('VERWERKT', 'VERWORPEN') and inhoud is not null "
                + "and coalesce(verwerkt_op, ontvangen_op) < :grens", Map.of("grens", grens));
    }

    /** The aanleverpunten with berichten waiting to be processed. */
    public List<Long> aanleverpuntenMetWachtende() {
        return jdbc.getJdbcTemplate().queryForList("select distinct aanleverpunt_id from bericht where status = 'ONTVANGEN'", Long.class);
    }

    /** The aanleverpunt's oldest waiting berichten (up to bron.verwerking.batch), in arrival order. */
    List<Map<String, Object>> wachtend(long aanleverpuntId) {
        return jdbc.queryForList("select b.id, b.aanleverpunt_id, b.inhoud, b.volgende_poging_op, a.brin from bericht b "
                + "join aanleverpunt a on a.id = b.aanleverpunt_id where b.aanleverpunt_id = :ap and b.status = 'ONTVANGEN' "
                + "order by b.id limit :limiet", new MapSqlParameterSource("ap", aanleverpuntId).addValue("limiet", perPoll));
    }

    /**
     * The aanleverpunt's row lock for this transaction, taken without waiting: another instance on the same
     * database that holds it is working on this aanleverpunt, and this one leaves it alone this round (Bezet).
     * Under the lock, the reeks's first bericht must still be the oldest waiting one: a list read before another
     * instance worked through it is stale, and is read again at the next poll.
     */
    public void claim(Reeks reeks) {
        if (!neemAanleverpunt(reeks.getAanleverpuntId())) {
            throw new Bezet();
        }
        // the waiting berichten up to the reeks's first: a range of ix_bericht_wachtend (a min(id) over the aanleverpunt's
        // waiting berichten read every one of them, XML and all, on H2)
        long eerste = reeks.getBerichten().get(0).getBerichtId();
        List<Long> tot = jdbc.queryForList("select id from bericht where status = 'ONTVANGEN' and aanleverpunt_id = :id "
                + "and id <= :eerste", new MapSqlParameterSource("id", reeks.getAanleverpuntId()).addValue("eerste", eerste), Long.class);
        if (!tot.equals(List.of(eerste))) {
            throw new Bezet();
        }
    }

    /**
     * The aanleverpunt's row lock for the current transaction, without waiting: false when another transaction holds
     * it. Nothing but processing (and the operator's rare edit of its registry data) may write that row, or processing
     * skips the aanleverpunt for that poll.
     */
    public boolean neemAanleverpunt(long aanleverpuntId) {
        return !jdbc.queryForList("select id from aanleverpunt where id = :id for update skip locked", Map.of("id", aanleverpuntId),
                Long.class).isEmpty();
    }

    /**
     * The whole reeks processed, in one statement; all three columns of ix_bericht_wachtend, so that whichever index
     * the database picks is a direct look-up. Another worker that got to one of them first rolls this one back.
     */
    public void verwerkt(Reeks reeks) {
        List<Long> ids = reeks.getBerichten().stream().map(Verwerking::getBerichtId).toList();
        // the range between the reeks's first and last id bounds the index scan: with the id list alone H2 read every
        // waiting bericht of the aanleverpunt
        int bijgewerkt = jdbc.update("update bericht set status = 'VERWERKT', verwerkt_op = :nu "
                + "where status = 'ONTVANGEN' and aanleverpunt_id = :ap and id between :eerste and :laatste and id in (:ids)",
                new MapSqlParameterSource("ap", reeks.getAanleverpuntId()).addValue("ids", ids)
                        .addValue("eerste", ids.stream().mapToLong(Long::longValue).min().orElseThrow())
                        .addValue("laatste", ids.stream().mapToLong(Long::longValue).max().orElseThrow())
                        .addValue("nu", Timestamp.from(klok.instant())));
        if (bijgewerkt != ids.size()) {
            throw new IllegalStateException("bericht was already processed");
        }
    }

    /** Another instance holds the aanleverpunt, or has gone past this list: not a failure, just not now. */
    static final class Bezet extends RuntimeException {
        Bezet() {
            super(null, null, false, false);
        }
    }
}
