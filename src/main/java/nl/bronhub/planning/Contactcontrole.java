package nl.bronhub.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two checks of a planned school's contact data before its phase (connection plan steps 2 and 7), in the
 * portal. Step 2 is open from the planning until the second vooraankondiging (28 days before the start), step 7
 * from then until a week before the start. In that last week the contact data stay as they are: the
 * wachtwoordbrief goes to them. The start is the wachtwoordbrief's date once set, else the planned week's Monday.
 */
@Component
public class Contactcontrole {

    /** From this many days before the start a school's contact data stay as they are. */
    public static final int BEVROREN_DAGEN = 7;

    /** The state of a school's checks today: the open step (null: none), whether the data are frozen, the start. */
    public record Stand(Integer openStap, boolean bevroren, LocalDate start, Map<Integer, LocalDate> bevestigd) {

        /** Whether the open step still waits for the school. */
        public boolean wachtOpSchool() {
            return openStap != null && !bevestigd.containsKey(openStap);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Planning planning;
    private final Clock klok;
    private final int tweedeDagenVoorStart;

    public Contactcontrole(NamedParameterJdbcTemplate jdbc, Planning planning, Clock klok,
                           PlanningEigenschappen planningEigenschappen) {
        this.jdbc = jdbc;
        this.planning = planning;
        this.klok = klok;
        this.tweedeDagenVoorStart = planningEigenschappen.tweedeDagenVoorStart();
    }

    /** The school's checks today; empty when it is not planned, or its phase has begun. */
    public Optional<Stand> stand(String brin) {
        Optional<LocalDate> startweek = planning.startweek(brin);
        if (startweek.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = start(brin, startweek.get());
        LocalDate vandaag = LocalDate.now(klok);
        if (!vandaag.isBefore(start)) {
            return Optional.empty();
        }
        Integer stap = openStap(vandaag, start);
        return Optional.of(new Stand(stap, !vandaag.isBefore(sluit(7, start)), start, bevestigd(brin)));
    }

    /** Step 2 before the second vooraankondiging, step 7 after it, none in the week before the start. */
    Integer openStap(LocalDate vandaag, LocalDate start) {
        if (!vandaag.isBefore(sluit(7, start))) {
            return null;
        }
        return vandaag.isBefore(sluit(2, start)) ? 2 : 7;
    }

    /** The first day step 2 (the second vooraankondiging's) or step 7 (the frozen week's) is closed, for a start. */
    public LocalDate sluit(int stap, LocalDate start) {
        return start.minusDays(stap == 2 ? tweedeDagenVoorStart : BEVROREN_DAGEN);
    }

    /** The school confirms (or has just corrected) its contact data: the open step is done. False when none is open. */
    public boolean bevestig(String brin) {
        Optional<Stand> stand = stand(brin);
        if (stand.isEmpty() || stand.get().openStap() == null) {
            return false;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("stap", stand.get().openStap())
                .addValue("nu", Timestamp.from(klok.instant()));
        // the first confirmation of a step is the one that counts
        if (jdbc.queryForObject("select count(*) from contactcontrole where brin = :brin and stap = :stap", p, Integer.class) == 0) {
            try {
                jdbc.update("insert into contactcontrole (brin, stap, bevestigd_op) values (:brin, :stap, :nu)", p);
            } catch (DuplicateKeyException alBevestigd) {
                // confirmed at the same moment in another session
            }
        }
        return true;
    }

    /** The day the school confirmed each step. */
    public Map<Integer, LocalDate> bevestigd(String brin) {
        Map<Integer, LocalDate> per = new TreeMap<>();
        jdbc.query("select stap, bevestigd_op from contactcontrole where brin = :brin", Map.of("brin", brin),
                rs -> { per.put(rs.getInt(1), LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), klok.getZone())); });
        return per;
    }

    /** The planned schools before their start that have not confirmed the open step, by BRIN. */
    public Map<String, Stand> onbevestigd() {
        Map<String, Stand> open = new LinkedHashMap<>();
        // schools whose planned week lies more than three weeks back have started (see Vooraankondigingen)
        for (String brin : jdbc.queryForList("select brin from planning where startweek > :grens order by brin",
                Map.of("grens", LocalDate.now(klok).minusWeeks(Planning.MARGE_WEKEN + 1)), String.class)) {
            stand(brin).filter(Stand::wachtOpSchool).ifPresent(s -> open.put(brin, s));
        }
        return open;
    }

    private LocalDate start(String brin, LocalDate startweek) {
        List<LocalDate> brief = jdbc.queryForList("select min(wachtwoordbrief_datum) from aanleverpunt where brin = :brin "
                + "and wachtwoordbrief_datum is not null", Map.of("brin", brin), LocalDate.class);
        return brief.isEmpty() || brief.get(0) == null ? startweek : brief.get(0);
    }
}
