package nl.bronhub.planning;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.bronhub.mail.MailWachtrij;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides which vooraankondigingen are due and records each once, per aanleverpunt of a planned school, in the
 * voortgangsmail outbox (which sends them as it sends the voortgangsmails): the first (connection plan step 1) as
 * soon as the school is planned, with its planned week and the two weeks either side; the second (step 5) from
 * bron.planning.tweede-dagen-voor-start days before the start (the wachtwoordbrief's date once set, else the
 * planned week's Monday), with the handbook. Both only before the start: after a stop the hub catches up on what
 * is still of use, and never announces a phase that has begun. An aanleverpunt registered later gets them then.
 * It also reminds a school that has not confirmed its contact data (steps 2 and 7, {@link Contactcontrole}).
 */
@Component
public class Vooraankondigingen {

    public static final String EERSTE = "VOORAANKONDIGING_1";
    public static final String TWEEDE = "VOORAANKONDIGING_2";
    /** The reminder to confirm the contact data, followed by the step: CONTACTCONTROLE_2, CONTACTCONTROLE_7. */
    public static final String CONTACT = "CONTACTCONTROLE_";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;
    private final int tweedeDagenVoorStart;
    private final Contactcontrole contactcontrole;
    private final MailWachtrij mails;

    public Vooraankondigingen(NamedParameterJdbcTemplate jdbc, Clock klok, Contactcontrole contactcontrole,
                              MailWachtrij mails,
                              PlanningEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.contactcontrole = contactcontrole;
        this.klok = klok;
        this.tweedeDagenVoorStart = eigenschappen.tweedeDagenVoorStart();
    }

    public void plan() {
        LocalDate vandaag = LocalDate.now(klok);
        // a start lies at most three weeks after its planned week's Monday: schools planned earlier have started
        List<Map<String, Object>> gepland = jdbc.queryForList("select a.id, a.brin, a.gemachtigde_email, a.wachtwoordbrief_datum, p.startweek "
                + "from planning p join aanleverpunt a on a.brin = p.brin where p.startweek > :grens",
                Map.of("grens", vandaag.minusWeeks(Planning.MARGE_WEKEN + 1)));
        // a school's contact check, read once per run, not once per aanleverpunt
        Map<String, Optional<Contactcontrole.Stand>> controles = new HashMap<>();
        for (Map<String, Object> ap : gepland) {
            LocalDate startweek = datum(ap.get("startweek"));
            LocalDate start = ap.get("wachtwoordbrief_datum") == null ? startweek : datum(ap.get("wachtwoordbrief_datum"));
            if (!vandaag.isBefore(start)) {
                continue;
            }
            leg(ap, EERSTE);
            if (!vandaag.isBefore(start.minusDays(tweedeDagenVoorStart))) {
                leg(ap, TWEEDE);
            }
            herinner(ap, controles.computeIfAbsent((String) ap.get("brin"), contactcontrole::stand), vandaag);
        }
    }

    /**
     * A school that has not confirmed its contact data when the open step nears its end is reminded, once per step:
     * step 2 two weeks before the second vooraankondiging, step 7 a week before the data are frozen.
     */
    private void herinner(Map<String, Object> ap, Optional<Contactcontrole.Stand> controle, LocalDate vandaag) {
        controle.filter(Contactcontrole.Stand::wachtOpSchool).ifPresent(stand -> {
            LocalDate einde = contactcontrole.sluit(stand.openStap(), stand.start());
            if (!vandaag.isBefore(einde.minusDays(stand.openStap() == 2 ? 14 : 7))) {
                leg(ap, CONTACT + stand.openStap());
            }
        });
    }

    private void leg(Map<String, Object> ap, String soort) {
        mails.leg(((Number) ap.get("id")).longValue(), soort, (String) ap.get("gemachtigde_email"));
    }

    private static LocalDate datum(Object waarde) {
        return waarde instanceof Date d ? d.toLocalDate() : (LocalDate) waarde;
    }
}
