package nl.bronhub.gtb;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.Formaten;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vergelijkingsoverzicht ambulant begeleide leerlingen (connection plan step 12, WPO schools): the
 * pupils that WEC schools coach at this school according to the register, this school year, against
 * the list the school gave earlier on its form (imported by the operator), with the differences.
 */
@Component
public class AbVergelijking {

    public enum Uitkomst { GELIJK, ANDERE_DATUM, ALLEEN_IN_BRON, ALLEEN_IN_OPGAVE }

    public record Opgave(String pgn, String brinWec, LocalDate ingangsdatum) {
    }

    public record Regel(String pgn, String brinWec, LocalDate ingangBron, LocalDate ingangOpgave, Uitkomst uitkomst) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;

    public AbVergelijking(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    /** Replaces the school's list; refused whole when a line is wrong. */
    @Transactional
    public int importeer(String brin, List<Opgave> opgaven) {
        for (int regel = 1; regel <= opgaven.size(); regel++) {
            controleer(regel, opgaven.get(regel - 1));
        }
        jdbc.update("delete from ab_opgave where brin_school = :brin", Map.of("brin", brin));
        jdbc.batchUpdate("insert into ab_opgave (brin_school, pgn, brin_wec, ingangsdatum) values (:brin, :pgn, :wec, :ingang)",
                opgaven.stream().distinct().map(o -> new MapSqlParameterSource("brin", brin).addValue("pgn", o.pgn())
                        .addValue("wec", o.brinWec()).addValue("ingang", o.ingangsdatum() == null ? null : Date.valueOf(o.ingangsdatum())))
                        .toArray(SqlParameterSource[]::new));
        return opgaven.size();
    }

    /** One line of a list; the message names the line and the field, never the value. */
    static void controleer(int regel, Opgave o) {
        if (o.pgn() == null || !o.pgn().matches("\\d{9}")) {
            throw new OngeldigeInvoer("pgn", "regel " + regel + ": pgn moet 9 cijfers zijn");
        }
        if (o.brinWec() == null || !Formaten.BRIN.matcher(o.brinWec()).matches()) {
            throw new OngeldigeInvoer("brinWec", "regel " + regel + ": brinWec moet een BRIN-nummer zijn (bijv. 00AA)");
        }
    }

    public boolean heeftOpgave(String brin) {
        return jdbc.queryForObject("select count(*) from ab_opgave where brin_school = :brin", Map.of("brin", brin), Integer.class) > 0;
    }

    public List<Regel> vergelijk(String brin) {
        LocalDate begin = LocalDate.of(Peildata.schooljaar(LocalDate.now(klok)), 8, 1);
        Map<String, LocalDate[]> regels = new TreeMap<>();
        jdbc.query("select p.pgn, i.brin, min(ab.ingangsdatum) as ingang from ambulante_begeleiding ab "
                        + "join inschrijving i on i.id = ab.inschrijving_id join persoon p on p.id = i.persoon_id "
                        + "where ab.brin_school = :brin and (i.datum_uitschrijving is null or i.datum_uitschrijving >= :begin) "
                        + "group by p.pgn, i.brin",
                new MapSqlParameterSource("brin", brin).addValue("begin", Date.valueOf(begin)), rs -> {
                    regels.computeIfAbsent(rs.getString("pgn") + "|" + rs.getString("brin"), k -> new LocalDate[2])[0] =
                            rs.getDate("ingang").toLocalDate();
                });
        List<String> alleenOpgave = new ArrayList<>();
        jdbc.query("select pgn, brin_wec, ingangsdatum from ab_opgave where brin_school = :brin", Map.of("brin", brin), rs -> {
            String k = rs.getString("pgn") + "|" + rs.getString("brin_wec");
            if (!regels.containsKey(k)) {
                alleenOpgave.add(k);
            }
            regels.computeIfAbsent(k, x -> new LocalDate[2])[1] = rs.getDate("ingangsdatum") == null ? null
                    : rs.getDate("ingangsdatum").toLocalDate();
        });
        List<Regel> uit = new ArrayList<>();
        regels.forEach((k, d) -> {
            String[] delen = k.split("\\|");
            Uitkomst u = alleenOpgave.contains(k) ? Uitkomst.ALLEEN_IN_OPGAVE
                    : !opgegeven(brin, delen) ? Uitkomst.ALLEEN_IN_BRON
                    : d[1] == null || Objects.equals(d[0], d[1]) ? Uitkomst.GELIJK : Uitkomst.ANDERE_DATUM;
            uit.add(new Regel(delen[0], delen[1], d[0], d[1], u));
        });
        return uit;
    }

    private boolean opgegeven(String brin, String[] sleutel) {
        return jdbc.queryForObject("select count(*) from ab_opgave where brin_school = :brin and pgn = :pgn and brin_wec = :wec",
                Map.of("brin", brin, "pgn", sleutel[0], "wec", sleutel[1]), Integer.class) > 0;
    }
}
