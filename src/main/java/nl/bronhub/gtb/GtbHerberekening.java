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
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.bronhub.referentie.Instellingen;
import nl.bronhub.opslag.Vastlegging;
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

    private static final NavigableSet<LocalDate> GEEN = new TreeSet<>();

    private static final String WIJZIGING = "insert into gtb_wijziging (persoon_id) values (:p)";
    private static final String VOLGENDE_WIJZIGINGEN = "select id, persoon_id from gtb_wijziging order by id fetch first :n rows only";

    private static final String LEES_PERIODEN = "select * from gtb_periode where persoon_id in (:ids) "
            + "order by inschrijving_id, eerste_peildatum";

    private static final String LEES_SIGNALEN = "select s.* from gtb_periode_signaal s join gtb_periode l "
            + "on l.inschrijving_id = s.inschrijving_id and l.eerste_peildatum = s.eerste_peildatum where l.persoon_id in (:ids)";

    private static final String SCHRIJF_PERIODE = "insert into gtb_periode (inschrijving_id, eerste_peildatum, laatste_peildatum, "
            + "persoon_id, brin, vestiging, categorie, soort_onderwijs, leeftijdsgroep, cumi) "
            + "values (:i, :eerste, :laatste, :p, :brin, :vestiging, :categorie, :soort, :leeftijd, :cumi)";

    private static final String SCHRIJF_SIGNAAL = "insert into gtb_periode_signaal (inschrijving_id, eerste_peildatum, signaal, "
            + "datum_ingang, scholen) values (:i, :eerste, :s, :ingang, :scholen)";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final GtbRegels regels;
    private final Peildata peildata;
    private final Instellingen instellingen;
    private final Clock klok;
    private final Vastlegging vastlegging;
    private final int batch;
    private final int afgeslotenNaMaanden;
    /** The stand this instance last found or wrote; while it holds, a round asks the database nothing. */
    private volatile String bevestigd;

    public GtbHerberekening(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, GtbRegels regels, Peildata peildata,
                            Instellingen instellingen, Clock klok, GtbEigenschappen eigenschappen, Vastlegging vastlegging) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.regels = regels;
        this.peildata = peildata;
        this.instellingen = instellingen;
        this.klok = klok;
        this.vastlegging = vastlegging;
        this.batch = eigenschappen.batch();
        this.afgeslotenNaMaanden = eigenschappen.schooljaarAfgeslotenNaMaanden();
    }

    /** Notes a changed person, inside the transaction that changed it. */
    public static void markeer(NamedParameterJdbcTemplate jdbc, long persoonId) {
        jdbc.update(WIJZIGING, Map.of("p", persoonId));
    }

    /** Notes changed persons in one JDBC batch, inside the transaction that changed them. */
    public static void markeerAlle(NamedParameterJdbcTemplate jdbc, List<Long> persoonIds) {
        if (!persoonIds.isEmpty()) {
            jdbc.batchUpdate(WIJZIGING, persoonIds.stream().map(p -> new MapSqlParameterSource("p", p)).toArray(MapSqlParameterSource[]::new));
        }
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
     * the next round, and the GTB never makes the processing wait on it in a lock cycle. The batch is read
     * in a few queries and written as JDBC batches; a person whose periods come out unchanged is not written.
     * @return how many were recomputed
     */
    public int herbereken() {
        List<Map<String, Object>> werk = jdbc.queryForList(VOLGENDE_WIJZIGINGEN, Map.of("n", batch));
        if (werk.isEmpty()) {
            return 0;
        }
        Set<Long> personen = new TreeSet<>();
        werk.forEach(w -> personen.add(((Number) w.get("persoon_id")).longValue()));
        LocalDate vandaag = LocalDate.now(klok);
        Integer gedaan = transactie.execute(t -> {
            // nobody is told of a recount before a later commit that waits for the file (a fetch, a mail): a crash
            // before H2's next write leaves its notes in gtb_wijziging, and it is done again
            vastlegging.nietAfwachten();
            MapSqlParameterSource ids = new MapSqlParameterSource("ids", personen);
            Set<Long> bestaand = new HashSet<>(jdbc.queryForList("select id from persoon where id in (:ids)", ids, Long.class));
            Set<Long> vrij = new TreeSet<>(jdbc.queryForList("select id from persoon where id in (:ids) order by id for update skip locked",
                    ids, Long.class));
            herbereken(vrij, vandaag);
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

    /** These persons' periods, recomputed and replaced where they changed (in the caller's transaction). */
    private void herbereken(Set<Long> personen, LocalDate vandaag) {
        if (personen.isEmpty()) {
            return;
        }
        Map<Long, GtbRegels.Leerling> leerlingen = leerlingen(personen);
        Map<Long, List<GtbPerioden.Periode>> oud = perioden(personen);
        Map<Long, List<GtbRegels.Rij>> nieuw = new HashMap<>();
        Set<String> brins = new HashSet<>();
        for (long persoon : personen) {
            GtbRegels.Leerling leerling = leerlingen.get(persoon);
            List<GtbRegels.Rij> rijen = leerling == null ? List.of() : regels.beoordeel(leerling, vandaag);
            nieuw.put(persoon, rijen);
            rijen.forEach(r -> brins.add(r.brin()));
            oud.getOrDefault(persoon, List.of()).forEach(o -> brins.add(o.brin()));
        }
        Map<String, NavigableSet<LocalDate>> vast = new HashMap<>();
        if (!brins.isEmpty()) {
            jdbc.query("select brin, peildatum from gtb_vastgesteld where brin in (:brins)", Map.of("brins", brins), rs -> {
                vast.computeIfAbsent(rs.getString("brin"), k -> new TreeSet<>()).add(rs.getDate("peildatum").toLocalDate());
            });
        }
        GtbPerioden perioden = new GtbPerioden(vast, brin -> instellingen.zoek(brin).map(i -> peildata.voor(i.soort(), vandaag))
                .orElse(List.of()));
        List<Long> vervangen = new ArrayList<>();
        Set<Long> oudeInschrijvingen = new HashSet<>();
        List<GtbPerioden.Periode> schrijven = new ArrayList<>();
        for (long persoon : personen) {
            List<GtbPerioden.Periode> was = oud.getOrDefault(persoon, List.of());
            List<GtbPerioden.Periode> wordt = perioden.perioden(persoon, stand(nieuw.get(persoon), was, vast));
            if (!wordt.equals(was)) {
                vervangen.add(persoon);
                was.forEach(o -> oudeInschrijvingen.add(o.inschrijvingId()));
                schrijven.addAll(wordt);
            }
        }
        if (!oudeInschrijvingen.isEmpty()) {
            jdbc.update("delete from gtb_periode_signaal where inschrijving_id in (:i)", Map.of("i", oudeInschrijvingen));
        }
        if (!vervangen.isEmpty()) {
            jdbc.update("delete from gtb_periode where persoon_id in (:p)", Map.of("p", vervangen));
        }
        List<SqlParameterSource> rijen = new ArrayList<>();
        List<SqlParameterSource> signalen = new ArrayList<>();
        for (GtbPerioden.Periode r : schrijven) {
            rijen.add(new MapSqlParameterSource("i", r.inschrijvingId()).addValue("eerste", Date.valueOf(r.eerste()))
                    .addValue("laatste", Date.valueOf(r.laatste())).addValue("p", r.persoonId()).addValue("brin", r.brin())
                    .addValue("vestiging", r.vestiging()).addValue("categorie", r.categorie().name()).addValue("soort", r.soortOnderwijs())
                    .addValue("leeftijd", r.leeftijdsgroep()).addValue("cumi", r.cumi()));
            r.signalen().forEach(sig -> signalen.add(new MapSqlParameterSource("i", r.inschrijvingId())
                    .addValue("eerste", Date.valueOf(r.eerste())).addValue("s", sig.code())
                    .addValue("ingang", Date.valueOf(sig.ingang())).addValue("scholen", sig.scholen())));
        }
        jdbc.batchUpdate(SCHRIJF_PERIODE, rijen.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(SCHRIJF_SIGNAAL, signalen.toArray(SqlParameterSource[]::new));
    }

    /**
     * A person's standing per inschrijving and peildatum: what the rules say, except on a GTB that is vastgesteld.
     * There the stored standing stays; a pupil whose standing there would change keeps it with signal 21 (or 20
     * in a closed school year), and a pupil that was not on it is added as not counted with that signal, so the
     * school sees where its late mutation went.
     */
    private List<GtbRegels.Rij> stand(List<GtbRegels.Rij> nieuw, List<GtbPerioden.Periode> oud,
                                      Map<String, NavigableSet<LocalDate>> vast) {
        List<GtbRegels.Rij> stand = new ArrayList<>();
        Map<String, GtbRegels.Rij> nieuwOpVast = new HashMap<>();
        for (GtbRegels.Rij r : nieuw) {
            if (vast.getOrDefault(r.brin(), GEEN).contains(r.peildatum())) {
                nieuwOpVast.put(r.inschrijvingId() + "|" + r.peildatum(), r);
            } else {
                stand.add(r);
            }
        }
        for (GtbPerioden.Periode o : oud) {
            for (LocalDate d : vast.getOrDefault(o.brin(), GEEN).subSet(o.eerste(), true, o.laatste(), true)) {
                GtbRegels.Rij was = o.op(d);
                GtbRegels.Rij nu = nieuwOpVast.remove(o.inschrijvingId() + "|" + d);
                stand.add(nu != null && GtbPerioden.zelfdeTelling(was, nu) ? was : teLaat(was));
            }
        }
        nieuwOpVast.values().forEach(r -> stand.add(teLaat(new GtbRegels.Rij(r.peildatum(), r.inschrijvingId(), r.brin(), r.vestiging(),
                GtbRegels.Categorie.NIET_BEKOSTIGD, r.soortOnderwijs(), r.leeftijdsgroep(), false, List.of()))));
        return stand;
    }

    /** The row with signal 21 (or 20 once its school year is closed), dated on its peildatum, unless it has it already. */
    private GtbRegels.Rij teLaat(GtbRegels.Rij r) {
        LocalDate gesloten = LocalDate.of(Peildata.schooljaar(r.peildatum()) + 1, 8, 1).plusMonths(afgeslotenNaMaanden);
        int code = LocalDate.now(klok).isBefore(gesloten) ? 21 : 20;
        if (r.signalen().stream().anyMatch(s -> s.code() == code)) {
            return r;
        }
        List<GtbRegels.Signaal> signalen = new ArrayList<>(r.signalen());
        signalen.add(new GtbRegels.Signaal(code, r.peildatum(), null));
        return new GtbRegels.Rij(r.peildatum(), r.inschrijvingId(), r.brin(), r.vestiging(), r.categorie(), r.soortOnderwijs(),
                r.leeftijdsgroep(), r.cumi(), signalen);
    }

    /** The stored periods of these persons, by person, in the order {@link GtbPerioden} makes them. */
    private Map<Long, List<GtbPerioden.Periode>> perioden(Set<Long> personen) {
        MapSqlParameterSource p = new MapSqlParameterSource("ids", personen);
        Map<String, List<GtbRegels.Signaal>> signalen = new HashMap<>();
        jdbc.query(LEES_SIGNALEN, p, rs -> {
            signalen.computeIfAbsent(rs.getLong("inschrijving_id") + "|" + rs.getDate("eerste_peildatum").toLocalDate(),
                    k -> new ArrayList<>()).add(new GtbRegels.Signaal(rs.getInt("signaal"), rs.getDate("datum_ingang").toLocalDate(),
                    rs.getString("scholen")));
        });
        Map<Long, List<GtbPerioden.Periode>> perioden = new HashMap<>();
        jdbc.query(LEES_PERIODEN, p, rs -> {
            long inschrijving = rs.getLong("inschrijving_id");
            LocalDate eerste = rs.getDate("eerste_peildatum").toLocalDate();
            perioden.computeIfAbsent(rs.getLong("persoon_id"), k -> new ArrayList<>()).add(new GtbPerioden.Periode(inschrijving, eerste,
                    rs.getDate("laatste_peildatum").toLocalDate(), rs.getLong("persoon_id"), rs.getString("brin"), rs.getString("vestiging"),
                    GtbRegels.Categorie.valueOf(rs.getString("categorie")), rs.getString("soort_onderwijs"), rs.getString("leeftijdsgroep"),
                    rs.getBoolean("cumi"), GtbPerioden.geordend(signalen.getOrDefault(inschrijving + "|" + eerste, List.of()))));
        });
        return perioden;
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
