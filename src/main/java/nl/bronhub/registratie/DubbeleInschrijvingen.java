package nl.bronhub.registratie;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.bronhub.model.Inschrijving;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dubbele inschrijving (handbook 7.7.4): the pupil's inschrijving just registered overlaps one at
 * another school in a period in which neither is a crisis- or observatieplaats (soort verblijf 1, 2; judged
 * per period, so a crisis place that becomes a regular one overlaps from then on); ambulante begeleiding is
 * no enrolment of its own. Each pair is reported once; the terugkoppeling stage tells both schools.
 */
@Component
public class DubbeleInschrijvingen {

    /** An enrolment that is not ambulante begeleiding; its crisis- and observatie periods are left out below. */
    private static final String GEEN_AB = "not exists (select 1 from ambulante_begeleiding ab where ab.inschrijving_id = i.id)";

    /** Soort verblijf of a crisis- (1) or observatieplaats (2): such a place may overlap another enrolment. */
    private static final Set<String> CRISIS_OF_OBSERVATIE = Set.of("1", "2");

    private static final LocalDate OPEN_EINDE = LocalDate.of(9999, 12, 31);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;

    public DubbeleInschrijvingen(NamedParameterJdbcTemplate jdbc, Clock klok) {
        this.jdbc = jdbc;
        this.klok = klok;
    }

    /** The enrolments (not ambulante begeleiding) of the reeks's persons, read in one query, by person. */
    private static final String ENROLMENTS = "select i.id, i.persoon_id, i.brin, i.datum_inschrijving, i.datum_uitschrijving "
            + "from inschrijving i where i.persoon_id in (:personen) and " + GEEN_AB + " order by i.id";

    private record Plaats(long id, String brin, LocalDate van, LocalDate tot) {
    }

    /**
     * For each bericht of the reeks that registered an inschrijving. The enrolments of all its pupils are read at once
     * (no pupil is twice in a reeks, so no bericht's own registration changes another's).
     */
    public void zoekAlle(Reeks reeks) {
        Set<Long> personen = reeks.getPersoonIds();
        Map<Long, List<Plaats>> plaatsen = new HashMap<>();
        if (!personen.isEmpty()) {
            jdbc.query(ENROLMENTS, Map.of("personen", personen), rs -> {
                plaatsen.computeIfAbsent(rs.getLong("persoon_id"), p -> new ArrayList<>()).add(new Plaats(rs.getLong("id"),
                        rs.getString("brin"), rs.getDate("datum_inschrijving").toLocalDate(),
                        rs.getDate("datum_uitschrijving") == null ? OPEN_EINDE : rs.getDate("datum_uitschrijving").toLocalDate()));
            });
        }
        reeks.elk(v -> zoek(v, plaatsen.getOrDefault(v.getPersoonId(), List.of())));
    }

    /** {@code plaatsen}: the pupil's enrolments (not ambulante begeleiding), their own among them. */
    private void zoek(Verwerking v, List<Plaats> plaatsen) {
        Long eigen = v.getInschrijvingId();
        Inschrijving i = v.inschrijving();
        if (eigen == null || i == null) {
            return;
        }
        LocalDate begin = i.datumInschrijving();
        LocalDate einde = i.datumUitschrijving() == null ? OPEN_EINDE : i.datumUitschrijving();
        // most pupils have no overlapping enrolment elsewhere: the reeks's one query settles it
        List<Plaats> kandidaten = plaatsen.stream()
                .filter(p -> !p.brin().equals(v.getBrin()) && !p.van().isAfter(einde) && !p.tot().isBefore(begin)).toList();
        if (kandidaten.isEmpty() || i.isAmbulanteBegeleiding()) {
            return; // ambulante begeleiding is no enrolment of its own
        }
        List<LocalDate[]> eigenPerioden = gewonePerioden(eigen, begin, einde);
        // every period counts: a crisis place that became a regular one overlaps from then on
        List<Long> anderen = kandidaten.stream().filter(k -> {
            List<LocalDate[]> hunne = gewonePerioden(k.id(), k.van(), k.tot());
            return eigenPerioden.stream().anyMatch(a -> hunne.stream().anyMatch(b -> !a[0].isAfter(b[1]) && !b[0].isAfter(a[1])));
        }).map(Plaats::id).toList();
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

    /** The stretches [van, tot] of an enrolment on a regular place: its soort verblijf periods other than 1 and 2. */
    private List<LocalDate[]> gewonePerioden(long inschrijving, LocalDate begin, LocalDate einde) {
        List<Map<String, Object>> verblijf = jdbc.queryForList("select ingangsdatum, waarde from inschrijving_groep "
                + "where inschrijving_id = :id and groep = 'soort_verblijf' order by ingangsdatum", Map.of("id", inschrijving));
        List<LocalDate[]> perioden = new ArrayList<>();
        if (verblijf.isEmpty()) {
            perioden.add(new LocalDate[] {begin, einde}); // a WPO enrolment has no soort verblijf
            return perioden;
        }
        for (int n = 0; n < verblijf.size(); n++) {
            LocalDate ingang = ((Date) verblijf.get(n).get("ingangsdatum")).toLocalDate();
            LocalDate van = ingang.isBefore(begin) ? begin : ingang;
            LocalDate tot = n + 1 < verblijf.size()
                    ? ((Date) verblijf.get(n + 1).get("ingangsdatum")).toLocalDate().minusDays(1) : einde;
            if (tot.isAfter(einde)) {
                tot = einde;
            }
            if (!CRISIS_OF_OBSERVATIE.contains(((String) verblijf.get(n).get("waarde")).trim()) && !van.isAfter(tot)) {
                perioden.add(new LocalDate[] {van, tot});
            }
        }
        return perioden;
    }
}
