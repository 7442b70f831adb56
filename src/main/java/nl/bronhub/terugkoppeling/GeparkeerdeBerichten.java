package nl.bronhub.terugkoppeling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;

import nl.bronhub.verwerking.BerichtLezer;
import nl.bronhub.verwerking.Correlatie;
import nl.bronhub.verwerking.Verwerking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters: berichten parked by MislukteVerwerking, for an operator to replay (back in the
 * queue, so processing makes its one terugkoppeling) or to discard (the LAS then gets 358: not
 * registered, send again). Each is handled once: a second replay or discard of the same one is refused.
 */
@Component
public class GeparkeerdeBerichten implements SignaalBron {

    private static final Logger LOG = LoggerFactory.getLogger(GeparkeerdeBerichten.class);

    /**
     * A parked bericht as the operator sees it; no content, so no personal data. reden is the failure's
     * type, route and stap where in the routes it was raised, melding a text without personal data.
     */
    public record Geparkeerd(long id, long berichtId, String brin, String aanleverpuntnummer, String identificatie,
                             Instant ontvangenOp, Instant geparkeerdOp, int pogingen, String reden, String route, String stap,
                             String melding, Instant afgehandeldOp, String afhandeling) {
    }

    public enum Uitkomst { GEDAAN, ONBEKEND, AL_AFGEHANDELD }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final BerichtLezer lezer;
    private final TerugkoppelingWachtrij wachtrij;
    private final SignaalCatalogus catalogus;

    public GeparkeerdeBerichten(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, BerichtLezer lezer,
                                TerugkoppelingWachtrij wachtrij, SignaalCatalogus catalogus) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.lezer = lezer;
        this.wachtrij = wachtrij;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("358");
    }

    private static final String ALLE = "select g.*, b.identificatie, b.ontvangen_op, a.brin, a.aanleverpuntnummer from geparkeerd_bericht g "
            + "join bericht b on b.id = g.bericht_id join aanleverpunt a on a.id = b.aanleverpunt_id order by g.id limit :aantal";
    private static final String OPEN = "select g.*, b.identificatie, b.ontvangen_op, a.brin, a.aanleverpuntnummer from geparkeerd_bericht g "
            + "join bericht b on b.id = g.bericht_id join aanleverpunt a on a.id = b.aanleverpunt_id where g.afgehandeld_op is null "
            + "order by g.id limit :aantal";

    public List<Geparkeerd> lijst(boolean ookAfgehandeld, int aantal) {
        return jdbc.query(ookAfgehandeld ? ALLE : OPEN,
                new MapSqlParameterSource("aantal", Math.max(1, Math.min(aantal, 1000))), (rs, n) -> new Geparkeerd(rs.getLong("id"),
                        rs.getLong("bericht_id"), rs.getString("brin"), rs.getString("aanleverpuntnummer"), rs.getString("identificatie"),
                        rs.getTimestamp("ontvangen_op").toInstant(), rs.getTimestamp("geparkeerd_op").toInstant(), rs.getInt("pogingen"),
                        rs.getString("reden"), rs.getString("route"), rs.getString("stap"), rs.getString("melding"),
                        rs.getTimestamp("afgehandeld_op") == null ? null : rs.getTimestamp("afgehandeld_op").toInstant(),
                        rs.getString("afhandeling")));
    }

    /** Back into the queue with fresh attempts; processing then gives the LAS its terugkoppeling. */
    public Uitkomst opnieuw(long id) {
        return handelAf(id, "OPNIEUW", "update bericht set status = 'ONTVANGEN', pogingen = 0, volgende_poging_op = null "
                + "where id = :bericht and status = 'GEPARKEERD'");
    }

    /** Given up: the LAS gets its terugkoppeling with 358 (afgekeurd, nothing registered). */
    public Uitkomst verwerp(long id) {
        return handelAf(id, "VERWORPEN", "update bericht set status = 'VERWORPEN' where id = :bericht and status = 'GEPARKEERD'");
    }

    private void meld358(long berichtId) {
        Map<String, Object> rij = jdbc.queryForMap("select b.id, b.aanleverpunt_id, b.inhoud, a.brin from bericht b "
                + "join aanleverpunt a on a.id = b.aanleverpunt_id where b.id = :id", Map.of("id", berichtId));
        Verwerking v = lezer.lees(rij);
        v.voegToe(catalogus.signaal("358"));
        wachtrij.plaats(v);
    }

    private Uitkomst handelAf(long id, String afhandeling, String berichtUpdate) {
        return transactie.execute(s -> {
            Long bericht = jdbc.query("select bericht_id, afgehandeld_op from geparkeerd_bericht where id = :id for update",
                    Map.of("id", id), rs -> rs.next() ? (rs.getTimestamp(2) == null ? rs.getLong(1) : -1L) : null);
            if (bericht == null) {
                return Uitkomst.ONBEKEND;
            }
            if (bericht < 0) {
                return Uitkomst.AL_AFGEHANDELD;
            }
            try (var correlatie = Correlatie.bericht(bericht)) {
                return handelAf(id, bericht, afhandeling, berichtUpdate);
            }
        });
    }

    private Uitkomst handelAf(long id, long bericht, String afhandeling, String berichtUpdate) {
        jdbc.update("update geparkeerd_bericht set afgehandeld_op = :nu, afhandeling = :afhandeling where id = :id",
                Map.of("nu", Timestamp.from(Instant.now()), "afhandeling", afhandeling, "id", id));
        if (jdbc.update(berichtUpdate, Map.of("bericht", bericht)) != 1) {
            throw new IllegalStateException("bericht " + bericht + " is not parked");
        }
        if ("VERWORPEN".equals(afhandeling)) {
            meld358(bericht);
        }
        LOG.info("Parked bericht {} handled by the operator: {}", bericht, afhandeling);
        return Uitkomst.GEDAAN;
    }
}
