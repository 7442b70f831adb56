package nl.bronhub.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mails waiting for an aanleverpunt's gemachtigde (table voortgangsmail): the planning records its
 * vooraankondigingen and contact checks here, access control its certificate reminders, the voortgang its
 * scores; route 95 sends them (Voortgangsmails). Its own package, so those stages need not know each other.
 */
@Component
public class MailWachtrij {

    private static final Logger LOG = LoggerFactory.getLogger(MailWachtrij.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;

    /** @param klok the hub's clock: a mail is recorded on the day it is for, as the phase's own mails are */
    public MailWachtrij(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    /**
     * Records a mail of {@code soort} for the aanleverpunt's gemachtigde, once per aanleverpunt and soort (week 0: not
     * a week of the phase): NIET_VERZENDBAAR without an address. For the mails before the phase.
     */
    public void leg(long aanleverpuntId, String soort, String ontvanger) {
        leg(aanleverpuntId, soort, 0, ontvanger);
    }

    /**
     * The same, once per aanleverpunt, soort and {@code week}: for a mail that may come again for a new reason (the
     * certificate reminders, once per wachtwoordbrief: week is then the letter's ISO week as jjjjww).
     */
    public void leg(long aanleverpuntId, String soort, int week, String ontvanger) {
        if (jdbc.queryForObject("select count(*) from voortgangsmail where aanleverpunt_id = :ap and soort = :soort and week = :week",
                Map.of("ap", aanleverpuntId, "soort", soort, "week", week), Integer.class) > 0) {
            return;
        }
        try {
            jdbc.update("insert into voortgangsmail (aanleverpunt_id, soort, week, ontvanger, aantal_leerlingen, aantal_ab, status, aangemaakt_op) "
                            + "values (:ap, :soort, :week, :ontvanger, 0, 0, :status, :nu)",
                    new MapSqlParameterSource("ap", aanleverpuntId).addValue("soort", soort).addValue("week", week).addValue("ontvanger", ontvanger)
                            .addValue("status", ontvanger == null ? "NIET_VERZENDBAAR" : "TE_VERZENDEN")
                            .addValue("nu", Timestamp.from(klok.instant())));
            if (ontvanger == null) {
                LOG.warn("{} for aanleverpunt {} cannot be sent: no e-mail address for the gemachtigde", soort, aanleverpuntId);
            }
        } catch (DuplicateKeyException alGelegd) {
            // another run (or instance) recorded it first
        }
    }
}
