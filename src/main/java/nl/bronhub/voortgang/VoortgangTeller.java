package nl.bronhub.voortgang;

import java.time.LocalDate;

import nl.bronhub.referentie.Instelling;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts what an aanleverpunt has registered in the current school year, as the connection plan
 * (step 6) defines the normaantallen: a WEC school its own pupils and, apart, the pupils at other
 * schools it coaches (AB); a WPO school all its pupils and, of those, the ones a WEC school coaches.
 */
@Component
public class VoortgangTeller {

    public record Telling(int leerlingen, int abLeerlingen) {
    }

    private static final String LOOPT_IN_SCHOOLJAAR = "i.datum_inschrijving <= :eind and (i.datum_uitschrijving is null or i.datum_uitschrijving >= :begin)";
    private static final String IS_AB = "exists (select 1 from ambulante_begeleiding ab where ab.inschrijving_id = i.id)";

    private final NamedParameterJdbcTemplate jdbc;

    public VoortgangTeller(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Telling tel(long aanleverpuntId, String brin, Instelling.Soort soort, LocalDate vandaag) {
        LocalDate begin = LocalDate.of(vandaag.getMonthValue() >= 8 ? vandaag.getYear() : vandaag.getYear() - 1, 8, 1);
        MapSqlParameterSource p = new MapSqlParameterSource("ap", aanleverpuntId).addValue("brin", brin)
                .addValue("begin", begin).addValue("eind", begin.plusYears(1).minusDays(1));
        if (soort == Instelling.Soort.WPO) {
            return new Telling(
                    tel("select count(distinct i.persoon_id) from inschrijving i where i.aanleverpunt_id = :ap and " + LOOPT_IN_SCHOOLJAAR, p),
                    tel("select count(distinct i.persoon_id) from inschrijving i where i.aanleverpunt_id = :ap and " + LOOPT_IN_SCHOOLJAAR
                            + " and exists (select 1 from inschrijving w join ambulante_begeleiding ab on ab.inschrijving_id = w.id "
                            + "where w.persoon_id = i.persoon_id and ab.brin_school = :brin "
                            + "and w.datum_inschrijving <= :eind and (w.datum_uitschrijving is null or w.datum_uitschrijving >= :begin))", p));
        }
        return new Telling(
                tel("select count(distinct i.persoon_id) from inschrijving i where i.aanleverpunt_id = :ap and " + LOOPT_IN_SCHOOLJAAR
                        + " and not " + IS_AB, p),
                tel("select count(distinct i.persoon_id) from inschrijving i where i.aanleverpunt_id = :ap and " + LOOPT_IN_SCHOOLJAAR
                        + " and " + IS_AB, p));
    }

    private int tel(String sql, MapSqlParameterSource p) {
        return jdbc.queryForObject(sql, p, Integer.class);
    }
}
