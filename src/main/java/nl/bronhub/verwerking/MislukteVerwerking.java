package nl.bronhub.verwerking;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.signaal.SignaalFout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bericht whose processing failed stays in the queue and is retried with back-off. After
 * bron.verwerking.max-pogingen attempts it is parked for an operator, and the berichten after it go on.
 */
@Component
public class MislukteVerwerking {

    private static final Logger LOG = LoggerFactory.getLogger(MislukteVerwerking.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final int maxPogingen;

    public MislukteVerwerking(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie,
                              VerwerkingEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.maxPogingen = eigenschappen.maxPogingen();
    }

    /** Whether the berichten after this one may go on (it is parked), must wait, or the failure was not even recorded. */
    /** The berichten after this one may go on (it is parked), must wait, or even the failure could not be recorded. */
    public enum Uitkomst { VERDER, WACHTEN, NIET_VASTGELEGD }

    public Uitkomst registreer(long aanleverpuntId, long berichtId, Throwable oorzaak) {
        return registreer(aanleverpuntId, berichtId, oorzaak, null);
    }

    /** The same, with where in the routes it failed ({@code plaats}: route and step, null when unknown). */
    public Uitkomst registreer(long aanleverpuntId, long berichtId, Throwable oorzaak, FoutPlaats.Plaats plaats) {
        // Exception texts can quote submitted values; only the type is kept, and a text of the hub's own making.
        String fout = oorzaak == null ? "onbekend" : oorzaak.getClass().getName();
        String melding = melding(oorzaak);
        FoutPlaats.Plaats waar = plaats == null ? new FoutPlaats.Plaats(null, null) : plaats;
        try {
            return transactie.execute(s -> {
                Integer pogingen = jdbc.query("select pogingen from bericht where status = 'ONTVANGEN' "
                                + "and aanleverpunt_id = :ap and id = :id for update", Map.of("ap", aanleverpuntId, "id", berichtId), rs -> rs.next() ? rs.getInt(1) + 1 : null);
                if (pogingen == null) {
                    return Uitkomst.WACHTEN;
                }
                if (pogingen >= maxPogingen) {
                    parkeer(berichtId, pogingen, fout, waar, melding);
                    return Uitkomst.VERDER;
                }
                // the clock of the machine, not the hub's domain clock: this is about waiting, not about dates
                Instant volgende = Instant.now().plus(Duration.ofSeconds(1L << Math.min(pogingen, 8)));
                jdbc.update("update bericht set pogingen = :p, laatste_fout = :fout, volgende_poging_op = :volgende where id = :id",
                        Map.of("p", pogingen, "fout", fout, "volgende", Timestamp.from(volgende), "id", berichtId));
                LOG.warn("Bericht {} failed (attempt {} of {}): {} in route {} at {}", berichtId, pogingen, maxPogingen, fout,
                        waar.route(), waar.stap());
                return Uitkomst.WACHTEN;
            });
        } catch (RuntimeException e) {
            LOG.warn("Failure of bericht {} could not be recorded ({}); it stays in the queue and its aanleverpunt pauses",
                    berichtId, e.getClass().getName());
            return Uitkomst.NIET_VASTGELEGD;
        }
    }

    /**
     * The person register gave no answer about this bericht (down, slow, its circuit open, or refusing the hub): it
     * waits {@code wacht} and is asked about again, as often as it takes. No attempt is counted, so it is never
     * parked for this: when the register answers again, it is processed as if it had just arrived.
     */
    public Uitkomst wachtOpRegister(long aanleverpuntId, long berichtId, Throwable oorzaak, Duration wacht) {
        String fout = oorzaak == null ? "onbekend" : oorzaak.getClass().getName();
        try {
            int bijgewerkt = jdbc.update("update bericht set laatste_fout = :fout, volgende_poging_op = :volgende "
                            + "where id = :id and aanleverpunt_id = :ap and status = 'ONTVANGEN'",
                    Map.of("fout", fout, "volgende", Timestamp.from(Instant.now().plus(wacht)), "id", berichtId, "ap", aanleverpuntId));
            if (bijgewerkt == 1) {
                // the reason is of the client's own making (HTTP status, timeout, circuit open), never a person's data
                LOG.info("Bericht {} waits {} for the person register: {}", berichtId, wacht,
                        oorzaak == null ? "no answer" : oorzaak.getMessage());
            }
            return Uitkomst.WACHTEN;
        } catch (RuntimeException e) {
            LOG.warn("Wait of bericht {} could not be recorded ({}); it stays in the queue and its aanleverpunt pauses",
                    berichtId, e.getClass().getName());
            return Uitkomst.NIET_VASTGELEGD;
        }
    }

    /**
     * Parked, the bericht waits for an operator (GeparkeerdeBerichten): replayed, it gets its normal
     * terugkoppeling; discarded, 358. The LAS is told nothing before, because 358 means 'not registered,
     * send again', and a replay after that would register the bericht twice.
     */
    private void parkeer(long berichtId, int pogingen, String fout, FoutPlaats.Plaats waar, String melding) {
        jdbc.update("update bericht set status = 'GEPARKEERD', pogingen = :p, laatste_fout = :fout where id = :id",
                Map.of("p", pogingen, "fout", fout, "id", berichtId));
        jdbc.update("insert into geparkeerd_bericht (bericht_id, geparkeerd_op, pogingen, reden, route, stap, melding) "
                        + "values (:id, :nu, :p, :fout, :route, :stap, :melding)",
                new MapSqlParameterSource("id", berichtId).addValue("nu", Timestamp.from(Instant.now()))
                        .addValue("p", pogingen).addValue("fout", fout).addValue("route", waar.route()).addValue("stap", waar.stap())
                        .addValue("melding", melding));
        LOG.error("Bericht {} parked after {} attempts ({} in route {} at {}); it waits for an operator (GET /operator/geparkeerd)",
                berichtId, pogingen, fout, waar.route(), waar.stap());
    }

    /**
     * A message for the operator without personal data: the text of the hub's own coded refusals (a signal
     * code, an operator input message, written never to quote a pupil), for anything else a generic text
     * by kind, since a library's exception text can quote the values it choked on.
     */
    static String melding(Throwable oorzaak) {
        for (Throwable t = oorzaak; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SignaalFout || t instanceof OngeldigeInvoer) {
                String tekst = t.getMessage();
                return tekst == null ? null : tekst.length() <= 500 ? tekst : tekst.substring(0, 500);
            }
        }
        for (Throwable t = oorzaak; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                return "de database gaf een fout (de tekst ervan wordt niet bewaard: die kan gegevens uit het bericht bevatten)";
            }
        }
        return oorzaak == null ? null : "onverwachte fout in de verwerking (de tekst ervan wordt niet bewaard: die kan gegevens uit het bericht bevatten)";
    }
}
