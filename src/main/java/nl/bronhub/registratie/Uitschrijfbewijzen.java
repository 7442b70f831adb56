package nl.bronhub.registratie;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The digital uitschrijfbewijs (the 2019 letter's po-informatiediensten; handbook 7.3.1 and 7.5: "zorg voor een bewijs
 * van uitschrijving"). An inschrijving with a datum uitschrijving at school A makes one for school B when the same pupil
 * (the same registered person, so the same BSN or onderwijsnummer) has an inschrijving at B that starts on the datum
 * uitschrijving or later, within {@code bron.uitschrijfbewijs.aansluiting-dagen} of it, or at any later date when the
 * uitschrijving names B (BRIN teruggeplaatste leerling), and B's inschrijving was registered after A's.
 * <p>
 * Never before B registered the pupil: a school named in an uitschrijving has not shown that the pupil goes there, and
 * the bewijs carries the pupil's number and name. Never to an enrolment registered before the one left: a school could
 * otherwise register a made-up earlier enrolment, ending the day before, and read from its confirmation where the pupil
 * is now. Never for the same school, never for ambulante begeleiding (no place the pupil leaves or goes to). Judged
 * whenever either enrolment is registered, so the order of the uitschrijving and the new inschrijving does not matter;
 * made once per pupil, A's inschrijving and B (table uitschrijfbewijs). Runs in the bericht's transaction, which holds
 * the pupil's row, so two schools' berichten about one pupil are judged one after the other, and the inschrijving
 * registered later has the higher id.
 */
@Component
public class Uitschrijfbewijzen {

    public enum Reden { TERUGGEPLAATST, INGESCHREVEN }

    /** What the decision needs of one enrolment. */
    public record Plaats(long id, String brin, LocalDate inschrijving, LocalDate uitschrijving, String brinTeruggeplaatst,
                         long aanleverpuntId) {
    }

    /** A decided uitschrijfbewijs: from enrolment {@code van} to the school {@code naarBrin}. */
    public record Besluit(Plaats van, String naarBrin, long naarAanleverpuntId, Reden reden, LocalDate naarInschrijving) {
    }

    /** One enrolment, never ambulante begeleiding. */
    private static final String PLAATSEN = "select i.id, i.persoon_id, i.brin, i.datum_inschrijving, i.datum_uitschrijving, "
            + "i.brin_teruggeplaatst, i.aanleverpunt_id from inschrijving i where i.persoon_id in (:personen) "
            + "and not exists (select 1 from ambulante_begeleiding ab where ab.inschrijving_id = i.id) order by i.id";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock klok;
    private final int aansluitingDagen;

    public Uitschrijfbewijzen(NamedParameterJdbcTemplate jdbc, Clock klok, UitschrijfbewijsEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.aansluitingDagen = eigenschappen.aansluitingDagen();
    }

    /**
     * For each bericht of the reeks that registered an inschrijving. The enrolments of all its pupils are read at once
     * (no pupil is twice in a reeks, so no bericht's own registration changes another's).
     */
    public void zoekAlle(Reeks reeks) {
        Set<Long> personen = reeks.getPersoonIds();
        Map<Long, List<Plaats>> plaatsen = new HashMap<>();
        if (!personen.isEmpty()) {
            jdbc.query(PLAATSEN, Map.of("personen", personen), rs -> {
                plaatsen.computeIfAbsent(rs.getLong("persoon_id"), p -> new ArrayList<>()).add(new Plaats(rs.getLong("id"),
                        rs.getString("brin"), rs.getDate("datum_inschrijving").toLocalDate(),
                        rs.getDate("datum_uitschrijving") == null ? null : rs.getDate("datum_uitschrijving").toLocalDate(),
                        rs.getString("brin_teruggeplaatst"), rs.getLong("aanleverpunt_id")));
            });
        }
        reeks.elk(v -> zoek(v, plaatsen.getOrDefault(v.getPersoonId(), List.of())));
    }

    /** {@code plaatsen}: all of the pupil's enrolments that are not ambulante begeleiding. */
    private void zoek(Verwerking v, List<Plaats> plaatsen) {
        Long eigenId = v.getInschrijvingId();
        Inschrijving i = v.inschrijving();
        if (eigenId == null || i == null || v.isAfgekeurd() || i.isAmbulanteBegeleiding()) {
            return;
        }
        long persoon = v.getPersoonId();
        Plaats eigen = plaatsen.stream().filter(p -> p.id() == eigenId).findFirst().orElse(null);
        if (eigen == null) {
            return;
        }
        for (Besluit b : besluiten(eigen, plaatsen, aansluitingDagen)) {
            MapSqlParameterSource k = new MapSqlParameterSource("persoon", persoon).addValue("vanBrin", b.van().brin())
                    .addValue("vanInschrijving", b.van().inschrijving()).addValue("naarBrin", b.naarBrin());
            Integer gemaakt = jdbc.queryForObject("select count(*) from uitschrijfbewijs where persoon_id = :persoon "
                    + "and van_brin = :vanBrin and van_datum_inschrijving = :vanInschrijving and naar_brin = :naarBrin", k, Integer.class);
            if (gemaakt > 0) {
                continue; // made once: a re-sent or replayed bericht, or the other school's, finds it here
            }
            GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
            jdbc.update("insert into uitschrijfbewijs (persoon_id, van_brin, van_datum_inschrijving, "
                    + "van_aanleverpunt_id, naar_brin, naar_aanleverpunt_id, reden, datum_uitschrijving, naar_datum_inschrijving, "
                    + "gemaakt_op) values (:persoon, :vanBrin, :vanInschrijving, :vanAanleverpunt, :naarBrin, :naarAanleverpunt, "
                    + ":reden, :uitschrijving, :naarInschrijving, :nu)", k
                    .addValue("vanAanleverpunt", b.van().aanleverpuntId()).addValue("naarAanleverpunt", b.naarAanleverpuntId())
                    .addValue("reden", b.reden().name()).addValue("uitschrijving", b.van().uitschrijving())
                    .addValue("naarInschrijving", b.naarInschrijving()).addValue("nu", Timestamp.from(klok.instant())),
                    sleutel, new String[] {"id"});
            long id = sleutel.getKey().longValue();
            v.getUitschrijfbewijzen().add(id);
        }
    }

    /**
     * The uitschrijfbewijzen the registration of {@code eigen} leads to, among the pupil's {@code plaatsen} (all of their
     * enrolments that are not ambulante begeleiding, {@code eigen} among them): {@code eigen} as the school left, and as
     * the school gone to. Pure, so the rule is tested on its own.
     */
    public static List<Besluit> besluiten(Plaats eigen, List<Plaats> plaatsen, int aansluitingDagen) {
        List<Besluit> besluiten = new ArrayList<>();
        if (eigen.uitschrijving() != null) {
            besluiten.addAll(vanuit(eigen, plaatsen, aansluitingDagen));
        }
        for (Plaats van : plaatsen) {
            if (van.id() != eigen.id() && van.uitschrijving() != null && !van.brin().equals(eigen.brin())) {
                vanuit(van, plaatsen, aansluitingDagen).stream().filter(b -> b.naarBrin().equals(eigen.brin()))
                        .forEach(besluiten::add);
            }
        }
        return besluiten;
    }

    /** Where the pupil went from {@code van}: one decision per school. */
    private static List<Besluit> vanuit(Plaats van, List<Plaats> plaatsen, int aansluitingDagen) {
        List<Besluit> besluiten = new ArrayList<>();
        LocalDate uit = van.uitschrijving();
        String genoemd = van.brinTeruggeplaatst();
        plaatsen.stream()
                .filter(naar -> !naar.brin().equals(van.brin()))
                // registered after the enrolment left (ids grow; the pupil's row orders two schools' transactions)
                .filter(naar -> naar.id() > van.id())
                .filter(naar -> !naar.inschrijving().isBefore(uit)
                        && (naar.brin().equals(genoemd) || !naar.inschrijving().isAfter(uit.plusDays(aansluitingDagen))))
                .forEach(naar -> {
                    if (besluiten.stream().noneMatch(b -> b.naarBrin().equals(naar.brin()))) {
                        besluiten.add(new Besluit(van, naar.brin(), naar.aanleverpuntId(),
                                naar.brin().equals(genoemd) ? Reden.TERUGGEPLAATST : Reden.INGESCHREVEN, naar.inschrijving()));
                    }
                });
        return besluiten;
    }
}
