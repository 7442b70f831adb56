package nl.bronhub.voortgang;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides which voortgangsmails are due (end of week 3 and week 6 of each aanleverpunt's connection
 * phase) and records each once, with its recipient and scores, before anything is sent. Run after a
 * stop, it catches up on the mail of the week that ended meanwhile; the database's unique key keeps
 * it to one mail per aanleverpunt and week.
 */
@Component
public class VoortgangPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(VoortgangPlanner.class);

    /** The mail weeks and, for each, the week after which it is no longer sent. */
    static final Map<Integer, Integer> MAILWEKEN = Map.of(3, 6, 6, Fase.WEKEN);

    private final NamedParameterJdbcTemplate jdbc;
    private final VoortgangTeller teller;
    private final Instellingen instellingen;
    private final Clock klok;

    public VoortgangPlanner(NamedParameterJdbcTemplate jdbc, VoortgangTeller teller, Instellingen instellingen, Clock klok) {
        this.jdbc = jdbc;
        this.teller = teller;
        this.instellingen = instellingen;
        this.klok = klok;
    }

    public void plan() {
        Instant nu = klok.instant();
        List<Map<String, Object>> inFase = jdbc.queryForList("select id, brin, gemachtigde_email, wachtwoordbrief_datum, "
                + "norm_leerlingen, norm_ab_leerlingen from aanleverpunt a where wachtwoordbrief_datum is not null "
                // a school whose phase has ended (akkoord given: gekwalificeerd) has had its end mail; no more progress
                + "and not exists (select 1 from kwalificatie k where k.brin = a.brin and k.status <> 'IN_FASE')", Map.of());
        for (Map<String, Object> ap : inFase) {
            Fase fase = new Fase(((Date) ap.get("wachtwoordbrief_datum")).toLocalDate(), klok.getZone());
            MAILWEKEN.forEach((week, tot) -> {
                if (fase.isMailAanDeBeurt(week, tot, nu)) {
                    leg(ap, week, nu);
                }
            });
        }
    }

    private void leg(Map<String, Object> ap, int week, Instant nu) {
        long id = ((Number) ap.get("id")).longValue();
        if (jdbc.queryForObject("select count(*) from voortgangsmail where aanleverpunt_id = :ap and week = :week",
                Map.of("ap", id, "week", week), Integer.class) > 0) {
            return;
        }
        String brin = (String) ap.get("brin");
        Instelling.Soort soort = instellingen.zoek(brin).map(Instelling::soort).orElse(Instelling.Soort.WEC);
        VoortgangTeller.Telling telling = teller.tel(id, brin, soort, LocalDate.ofInstant(nu, klok.getZone()));
        String ontvanger = (String) ap.get("gemachtigde_email");
        try {
            jdbc.update("insert into voortgangsmail (aanleverpunt_id, week, ontvanger, aantal_leerlingen, norm_leerlingen, aantal_ab, "
                    + "norm_ab, status, aangemaakt_op) values (:ap, :week, :ontvanger, :leerlingen, :norm, :ab, :normAb, :status, :nu)",
                    new MapSqlParameterSource("ap", id).addValue("week", week).addValue("ontvanger", ontvanger)
                            .addValue("leerlingen", telling.leerlingen()).addValue("norm", ap.get("norm_leerlingen"))
                            .addValue("ab", telling.abLeerlingen()).addValue("normAb", ap.get("norm_ab_leerlingen"))
                            .addValue("status", ontvanger == null ? "NIET_VERZENDBAAR" : "TE_VERZENDEN")
                            .addValue("nu", Timestamp.from(nu)));
            if (ontvanger == null) {
                LOG.warn("Voortgangsmail week {} for aanleverpunt {} cannot be sent: no e-mail address for the gemachtigde", week, id);
            }
        } catch (DuplicateKeyException alGelegd) {
            // another run (or instance) recorded it first
        }
    }
}
