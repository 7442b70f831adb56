package nl.bronhub.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.processing.Verwerking;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;

/**
 * Dubbele inschrijving (handbook 7.7.4): the pupil's inschrijving just registered overlaps one at
 * another school. Not on a crisis- or observatieplaats, and ambulante begeleiding is no enrolment of
 * its own. Each pair is reported once; the terugkoppeling stage tells both schools.
 */
@Component
public class DubbeleInschrijvingen {

    /** An enrolment that is neither ambulante begeleiding nor a crisis- or observatieplaats. */
    private static final String GEWONE_INSCHRIJVING = "not exists (select 1 from ambulante_begeleiding ab where ab.inschrijving_id = i.id) "
            + "and not exists (select 1 from inschrijving_groep g where g.inschrijving_id = i.id and g.groep = 'soort_verblijf' "
            + "and g.waarde in ('1', '2'))";

    private static final LocalDate OPEN_EINDE = LocalDate.of(9999, 12, 31);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;

    public DubbeleInschrijvingen(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    public void zoek(Verwerking v) {
        Long eigen = v.getInschrijvingId();
        Inschrijving i = v.getBericht().getInschrijving();
        if (eigen == null || i == null) {
            return;
        }
        Integer gewoon = jdbc.queryForObject("select count(*) from inschrijving i where i.id = :id and " + GEWONE_INSCHRIJVING,
                Map.of("id", eigen), Integer.class);
        if (gewoon == 0) {
            return;
        }
        LocalDate begin = datum(i.getDatumInschrijving());
        LocalDate einde = i.getDatumUitschrijving() == null ? OPEN_EINDE : datum(i.getDatumUitschrijving());
        List<Long> anderen = jdbc.queryForList("select i.id from inschrijving i where i.persoon_id = "
                + "(select persoon_id from inschrijving where id = :eigen) and i.brin <> :brin "
                + "and i.datum_inschrijving <= :einde and (i.datum_uitschrijving is null or i.datum_uitschrijving >= :begin) "
                + "and " + GEWONE_INSCHRIJVING + " order by i.id",
                new MapSqlParameterSource("eigen", eigen).addValue("brin", v.getBrin()).addValue("begin", begin).addValue("einde", einde),
                Long.class);
        for (long ander : anderen) {
            MapSqlParameterSource paar = new MapSqlParameterSource("a", Math.min(eigen, ander)).addValue("b", Math.max(eigen, ander));
            Integer gemeld = jdbc.queryForObject("select count(*) from dubbele_inschrijving where inschrijving_a = :a "
                    + "and inschrijving_b = :b", paar, Integer.class);
            if (gemeld == 0) {
                jdbc.update("insert into dubbele_inschrijving (inschrijving_a, inschrijving_b, gemeld_op) values (:a, :b, :nu)",
                        paar.addValue("nu", Timestamp.from(klok.instant())));
                v.getDubbeleInschrijvingen().add(ander);
            }
        }
    }
}
