package nl.bronhub.gtb;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.bronhub.referentie.Instellingen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the GTB rows up to date (the route 97-gtb): the persons noted in gtb_wijziging by the
 * transactions that changed them are recomputed in batches, so a bericht costs the GTB one pupil, not
 * a rescan of the register. A GTB that is vastgesteld keeps its rows; a pupil whose rows would change
 * there gets signal 21 (the peildatum's term has passed) or 20 (its school year is closed) instead.
 */
@Component
public class GtbHerberekening {

    private static final Logger LOG = LoggerFactory.getLogger(GtbHerberekening.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final GtbRegels regels;
    private final Peildata peildata;
    private final Instellingen instellingen;
    private final Clock klok;
    private final int batch;
    private final int afgeslotenNaMaanden;
    /** The stand this instance last found or wrote; while it holds, a round asks the database nothing. */
    private volatile String bevestigd;

    public GtbHerberekening(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, GtbRegels regels, Peildata peildata,
                            Instellingen instellingen, Clock klok, GtbEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.regels = regels;
        this.peildata = peildata;
        this.instellingen = instellingen;
        this.klok = klok;
        this.batch = eigenschappen.batch();
        this.afgeslotenNaMaanden = eigenschappen.schooljaarAfgeslotenNaMaanden();
    }

    /** Notes a changed person, inside the transaction that changed it. */
    public static void markeer(NamedParameterJdbcTemplate jdbc, long persoonId) {
        jdbc.update("insert into gtb_wijziging (persoon_id) values (:p)", Map.of("p", persoonId));
    }

    /**
     * At start and when the school year turns: when the covered school years or the reference register changed
     * since the rows were computed, every person is recomputed.
     */
    public void controleerStand() {
        LocalDate vandaag = LocalDate.now(klok);
        String sleutel = peildata.schooljaren(vandaag) + "|" + peildata.eersteSchooldag(Peildata.schooljaar(vandaag)) + "|"
                + instellingen.vingerafdruk();
        if (sleutel.equals(bevestigd)) {
            return;
        }
        transactie.executeWithoutResult(t -> {
            List<String> was = jdbc.queryForList("select sleutel from gtb_stand where id = 1 for update", Map.of(), String.class);
            if (was.size() == 1 && was.get(0).equals(sleutel)) {
                bevestigd = sleutel;
                return;
            }
            int personen = jdbc.update("insert into gtb_wijziging (persoon_id) select id from persoon", Map.of());
            if (was.isEmpty()) {
                jdbc.update("insert into gtb_stand (id, sleutel) values (1, :s)", Map.of("s", sleutel));
            } else {
                jdbc.update("update gtb_stand set sleutel = :s where id = 1", Map.of("s", sleutel));
            }
            LOG.info("GTB: school years or reference register changed; {} persons queued for recomputation", personen);
        });
        bevestigd = sleutel;
    }

    /**
     * Recomputes the next batch of changed persons. A person whose row another transaction holds (a
     * bericht being processed, another instance's batch) is skipped, not waited for: its note stays for
     * the next round, and the GTB never makes the processing wait on it in a lock cycle.
     * @return how many were recomputed
     */
    public int herbereken() {
        List<Map<String, Object>> werk = jdbc.queryForList("select id, persoon_id from gtb_wijziging order by id fetch first "
                + batch + " rows only", Map.of());
        if (werk.isEmpty()) {
            return 0;
        }
        Set<Long> personen = new TreeSet<>();
        werk.forEach(w -> personen.add(((Number) w.get("persoon_id")).longValue()));
        LocalDate vandaag = LocalDate.now(klok);
        Integer gedaan = transactie.execute(t -> {
            Set<Long> bestaand = new HashSet<>(jdbc.queryForList("select id from persoon where id in (:ids)", Map.of("ids", personen),
                    Long.class));
            Set<Long> vrij = new TreeSet<>(jdbc.queryForList("select id from persoon where id in (:ids) order by id for update skip locked",
                    Map.of("ids", personen), Long.class));
            Map<Long, GtbRegels.Leerling> leerlingen = leerlingen(vrij);
            for (long persoon : vrij) {
                herbereken(persoon, leerlingen.get(persoon), vandaag);
            }
            // notes of persons done, or no longer in the register (they have no rows to compute)
            jdbc.batchUpdate("delete from gtb_wijziging where id = :id", werk.stream()
                    .filter(w -> {
                        long persoon = ((Number) w.get("persoon_id")).longValue();
                        return vrij.contains(persoon) || !bestaand.contains(persoon);
                    })
                    .map(w -> new MapSqlParameterSource("id", w.get("id"))).toArray(SqlParameterSource[]::new));
            return vrij.size();
        });
        return gedaan == null ? 0 : gedaan;
    }

    /** One person's rows; {@code leerling} null when the register no longer holds them. */
    private void herbereken(long persoonId, GtbRegels.Leerling leerling, LocalDate vandaag) {
        List<GtbRegels.Rij> nieuw = leerling == null ? List.of() : regels.beoordeel(leerling, vandaag);
        Map<String, GtbRegels.Rij> oud = new HashMap<>();
        jdbc.query("select * from gtb_leerling where persoon_id = :p", Map.of("p", persoonId), rs -> {
            GtbRegels.Rij r = new GtbRegels.Rij(rs.getDate("peildatum").toLocalDate(), rs.getLong("inschrijving_id"), rs.getString("brin"),
                    rs.getString("vestiging"), GtbRegels.Categorie.valueOf(rs.getString("categorie")), rs.getString("soort_onderwijs"),
                    rs.getString("leeftijdsgroep"), rs.getBoolean("cumi"), List.of());
            oud.put(sleutel(r.peildatum(), r.inschrijvingId()), r);
        });
        Set<String> brins = new HashSet<>();
        oud.values().forEach(r -> brins.add(r.brin()));
        nieuw.forEach(r -> brins.add(r.brin()));
        Set<String> vast = new HashSet<>();
        if (!brins.isEmpty()) {
            jdbc.query("select brin, peildatum from gtb_vastgesteld where brin in (:brins)", Map.of("brins", brins),
                    rs -> {
                        vast.add(rs.getString("brin") + "|" + rs.getDate("peildatum").toLocalDate());
                    });
        }
        MapSqlParameterSource p = new MapSqlParameterSource("p", persoonId);
        // rows of GTBs that are not vastgesteld are replaced wholesale
        if (vast.isEmpty()) {
            jdbc.update("delete from gtb_signaal where persoon_id = :p", p);
            jdbc.update("delete from gtb_leerling where persoon_id = :p", p);
        } else {
            jdbc.batchUpdate("delete from gtb_signaal where peildatum = :d and inschrijving_id = :i", sleutels(oud, vast));
            jdbc.batchUpdate("delete from gtb_leerling where peildatum = :d and inschrijving_id = :i", sleutels(oud, vast));
        }
        List<SqlParameterSource> rijen = new ArrayList<>();
        List<SqlParameterSource> signalen = new ArrayList<>();
        Set<String> gezien = new HashSet<>();
        for (GtbRegels.Rij r : nieuw) {
            String s = sleutel(r.peildatum(), r.inschrijvingId());
            gezien.add(s);
            if (vast.contains(r.brin() + "|" + r.peildatum())) {
                GtbRegels.Rij was = oud.get(s);
                if (was == null || !zelfde(was, r)) {
                    teLaat(persoonId, r.peildatum(), r.inschrijvingId(), r.brin(), was == null ? r : null);
                }
                continue;
            }
            rijen.add(rij(persoonId, r));
            r.signalen().forEach(sig -> signalen.add(new MapSqlParameterSource("d", Date.valueOf(r.peildatum()))
                    .addValue("i", r.inschrijvingId()).addValue("p", persoonId).addValue("s", sig.code())
                    .addValue("ingang", Date.valueOf(sig.ingang())).addValue("scholen", sig.scholen())));
        }
        // a pupil gone from a GTB that is vastgesteld stays on it, with the signal that the change came too late
        oud.forEach((s, was) -> {
            if (!gezien.contains(s) && vast.contains(was.brin() + "|" + was.peildatum())) {
                teLaat(persoonId, was.peildatum(), was.inschrijvingId(), was.brin(), null);
            }
        });
        jdbc.batchUpdate("insert into gtb_leerling (peildatum, inschrijving_id, persoon_id, brin, vestiging, categorie, soort_onderwijs, "
                + "leeftijdsgroep, cumi) values (:d, :i, :p, :brin, :vestiging, :categorie, :soort, :leeftijd, :cumi)",
                rijen.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("insert into gtb_signaal (peildatum, inschrijving_id, persoon_id, signaal, datum_ingang, scholen) "
                + "values (:d, :i, :p, :s, :ingang, :scholen)", signalen.toArray(SqlParameterSource[]::new));
    }

    /**
     * Signal 21 (or 20 in a closed school year) on a GTB that is vastgesteld; a pupil that was not on it
     * is added as not counted, so the school sees where its late mutation went.
     */
    private void teLaat(long persoonId, LocalDate peildatum, long inschrijvingId, String brin, GtbRegels.Rij nieuweRij) {
        LocalDate gesloten = LocalDate.of(Peildata.schooljaar(peildatum) + 1, 8, 1).plusMonths(afgeslotenNaMaanden);
        int code = LocalDate.now(klok).isBefore(gesloten) ? 21 : 20;
        MapSqlParameterSource k = new MapSqlParameterSource("d", Date.valueOf(peildatum)).addValue("i", inschrijvingId)
                .addValue("p", persoonId).addValue("s", code);
        if (nieuweRij != null) {
            jdbc.update("insert into gtb_leerling (peildatum, inschrijving_id, persoon_id, brin, vestiging, categorie, soort_onderwijs, "
                    + "leeftijdsgroep, cumi) values (:d, :i, :p, :brin, :vestiging, 'NIET_BEKOSTIGD', :soort, :leeftijd, false)",
                    k.addValue("brin", brin).addValue("vestiging", nieuweRij.vestiging()).addValue("soort", nieuweRij.soortOnderwijs())
                            .addValue("leeftijd", nieuweRij.leeftijdsgroep()));
        }
        if (jdbc.queryForObject("select count(*) from gtb_signaal where peildatum = :d and inschrijving_id = :i and signaal = :s", k,
                Integer.class) == 0) {
            jdbc.update("insert into gtb_signaal (peildatum, inschrijving_id, persoon_id, signaal, datum_ingang) "
                    + "values (:d, :i, :p, :s, :d)", k);
        }
    }

    private static SqlParameterSource[] sleutels(Map<String, GtbRegels.Rij> oud, Set<String> vast) {
        return oud.values().stream().filter(r -> !vast.contains(r.brin() + "|" + r.peildatum()))
                .map(r -> new MapSqlParameterSource("d", Date.valueOf(r.peildatum())).addValue("i", r.inschrijvingId()))
                .toArray(SqlParameterSource[]::new);
    }

    private static boolean zelfde(GtbRegels.Rij a, GtbRegels.Rij b) {
        return a.categorie() == b.categorie() && Objects.equals(a.vestiging(), b.vestiging())
                && Objects.equals(a.soortOnderwijs(), b.soortOnderwijs()) && Objects.equals(a.leeftijdsgroep(), b.leeftijdsgroep())
                && a.cumi() == b.cumi();
    }

    private static MapSqlParameterSource rij(long persoonId, GtbRegels.Rij r) {
        return new MapSqlParameterSource("d", Date.valueOf(r.peildatum())).addValue("i", r.inschrijvingId()).addValue("p", persoonId)
                .addValue("brin", r.brin()).addValue("vestiging", r.vestiging()).addValue("categorie", r.categorie().name())
                .addValue("soort", r.soortOnderwijs()).addValue("leeftijd", r.leeftijdsgroep()).addValue("cumi", r.cumi());
    }

    private static String sleutel(LocalDate peildatum, long inschrijvingId) {
        return peildatum + "|" + inschrijvingId;
    }

    /**
     * The pupils as the GTB rules read them from the register (in the caller's transaction), by person id; an unknown
     * id is absent. Six queries for them all: a reeks's terugkoppelingen read their pupils at once.
     */
    public Map<Long, GtbRegels.Leerling> leerlingen(Collection<Long> persoonIds) {
        if (persoonIds.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource p = new MapSqlParameterSource("ids", persoonIds);
        Map<Long, Map<String, NavigableMap<LocalDate, String>>> groepen = new HashMap<>();
        jdbc.query("select g.* from inschrijving_groep g join inschrijving i on i.id = g.inschrijving_id where i.persoon_id in (:ids)",
                p, rs -> {
                    groepen.computeIfAbsent(rs.getLong("inschrijving_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString("groep"), k -> new TreeMap<>())
                            .put(rs.getDate("ingangsdatum").toLocalDate(), rs.getString("waarde"));
                });
        Map<Long, List<GtbRegels.Indicatie>> indicaties = new HashMap<>();
        jdbc.query("select x.* from indicatiestelling x join inschrijving i on i.id = x.inschrijving_id where i.persoon_id in (:ids)",
                p, rs -> {
                    indicaties.computeIfAbsent(rs.getLong("inschrijving_id"), k -> new ArrayList<>()).add(new GtbRegels.Indicatie(
                            rs.getDate("datum_indicatiestelling").toLocalDate(), rs.getString("onderwijssoort_indicatie"),
                            rs.getString("brin_rec")));
                });
        Map<Long, List<GtbRegels.Begeleiding>> begeleiding = new HashMap<>();
        jdbc.query("select x.* from ambulante_begeleiding x join inschrijving i on i.id = x.inschrijving_id "
                + "where i.persoon_id in (:ids)", p, rs -> {
                    begeleiding.computeIfAbsent(rs.getLong("inschrijving_id"), k -> new ArrayList<>()).add(new GtbRegels.Begeleiding(
                            rs.getDate("ingangsdatum").toLocalDate(), rs.getString("brin_school")));
                });
        Map<Long, List<GtbRegels.Inschrijving>> inschrijvingen = new HashMap<>();
        jdbc.query("select * from inschrijving where persoon_id in (:ids) order by id", p, rs -> {
            long i = rs.getLong("id");
            inschrijvingen.computeIfAbsent(rs.getLong("persoon_id"), k -> new ArrayList<>()).add(new GtbRegels.Inschrijving(i,
                    rs.getString("brin"), rs.getDate("datum_inschrijving").toLocalDate(),
                    rs.getDate("datum_uitschrijving") == null ? null : rs.getDate("datum_uitschrijving").toLocalDate(),
                    rs.getString("brin_teruggeplaatst"), rs.getString("aanduiding_nnca"), groepen.getOrDefault(i, Map.of()),
                    indicaties.getOrDefault(i, List.of()), begeleiding.getOrDefault(i, List.of())));
        });
        Map<String, Set<String>> verzuim = new HashMap<>();
        jdbc.query("select v.pgn, v.brin, v.schooljaar from verzuimmelding v join persoon p on p.pgn = v.pgn where p.id in (:ids)", p,
                rs -> {
                    verzuim.computeIfAbsent(rs.getString("pgn"), k -> new HashSet<>()).add(rs.getString("brin") + "|" + rs.getInt("schooljaar"));
                });
        Map<Long, GtbRegels.Leerling> leerlingen = new HashMap<>();
        jdbc.query("select id, pgn, geboortedatum from persoon where id in (:ids)", p, rs -> {
            long id = rs.getLong("id");
            String pgn = rs.getString("pgn");
            leerlingen.put(id, new GtbRegels.Leerling(id, pgn, rs.getDate("geboortedatum").toLocalDate(),
                    inschrijvingen.getOrDefault(id, List.of()), verzuim.getOrDefault(pgn, Set.of())));
        });
        return leerlingen;
    }
}
