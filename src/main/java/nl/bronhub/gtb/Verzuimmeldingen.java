package nl.bronhub.gtb;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.Pgn;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unauthorised absence between 1 August and 1 October (GTB signal 12), as the attendance officers report
 * it to the operator. Replacing a school's list recomputes the pupils on the old and the new list.
 */
@Component
public class Verzuimmeldingen {

    public record Melding(String pgn, int schooljaar) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public Verzuimmeldingen(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public int importeer(String brin, List<Melding> meldingen) {
        for (int regel = 1; regel <= meldingen.size(); regel++) {
            Melding m = meldingen.get(regel - 1);
            if (m == null) {
                throw new OngeldigeInvoer("regel " + regel + ": ontbreekt (verwacht pgn en schooljaar)");
            }
            if (m.pgn() == null || !Pgn.isGeldigBsn(m.pgn()) && !Pgn.isGeldigOnderwijsnummer(m.pgn())) {
                throw new OngeldigeInvoer("regel " + regel + ": pgn is geen geldig BSN of onderwijsnummer (elfproef)");
            }
            if (m.schooljaar() < 2000 || m.schooljaar() > 2100) {
                throw new OngeldigeInvoer("regel " + regel + ": pgn moet 9 cijfers zijn en schooljaar het jaar waarin het schooljaar "
                        + "begint (bijv. 2026)");
            }
        }
        Set<String> pgns = new HashSet<>(jdbc.queryForList("select pgn from verzuimmelding where brin = :brin", Map.of("brin", brin),
                String.class));
        jdbc.update("delete from verzuimmelding where brin = :brin", Map.of("brin", brin));
        jdbc.batchUpdate("insert into verzuimmelding (brin, pgn, schooljaar) values (:brin, :pgn, :jaar)", meldingen.stream().distinct()
                .map(m -> new MapSqlParameterSource("brin", brin).addValue("pgn", m.pgn()).addValue("jaar", m.schooljaar()))
                .toArray(SqlParameterSource[]::new));
        meldingen.forEach(m -> pgns.add(m.pgn()));
        if (!pgns.isEmpty()) {
            jdbc.query("select id from persoon where pgn in (:pgns)", Map.of("pgns", pgns),
                    rs -> {
                        GtbHerberekening.markeer(jdbc, rs.getLong(1));
                    });
        }
        return meldingen.size();
    }
}
