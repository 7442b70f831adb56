package nl.bronhub.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import nl.bronhub.aanlevering.Formaten;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The planning of the connection phase (connection plan steps 1 and 5): per school the ISO week its phase is
 * planned to start, and per week how many schools may start in it. The real start, the wachtwoordbrief, may fall
 * up to two weeks before or after the planned week, as the first vooraankondiging tells the school. A planning is
 * loaded whole or not at all: one refused entry, one week over its capacity, and nothing is stored.
 */
@Component
public class Planning {

    /** How far the wachtwoordbrief may lie from the planned week (the first vooraankondiging promises it). */
    public static final int MARGE_WEKEN = 2;
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final int MAX_SCHOLEN = 10_000;

    /** One school's planned start week, as the operator sends it ("2027-W05"). */
    public record School(String brin, String startweek) {
    }

    /** A week's capacity as the operator sets it. */
    public record Capaciteit(String week, Integer capaciteit) {
    }

    /** What the operator loads: capacities (optional) and schools. */
    public record Invoer(List<Capaciteit> weken, List<School> scholen) {
    }

    /** A week of the plan: its Monday, capacity and how many schools are planned in it. */
    public record Week(String week, LocalDate maandag, int capaciteit, int gepland) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final Instellingen instellingen;
    private final Clock klok;
    private final int standaardCapaciteit;

    public Planning(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, Instellingen instellingen, Clock klok,
                    PlanningEigenschappen eigenschappen) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.instellingen = instellingen;
        this.klok = klok;
        this.standaardCapaciteit = eigenschappen.capaciteitPerWeek();
    }

    /** "2027-W05" as that ISO week's Monday; refused (naming {@code veld}) when it is no week of 2000–2099. */
    public static LocalDate maandag(String week, String veld) {
        Matcher m = week == null ? null : WEEK.matcher(week);
        if (m == null || !m.matches()) {
            throw new OngeldigeInvoer(veld, veld + " moet een ISO-week zijn als 2027-W05");
        }
        int jaar = Integer.parseInt(m.group(1));
        int nummer = Integer.parseInt(m.group(2));
        LocalDate midden = LocalDate.of(Math.max(jaar, 1), 7, 1);
        if (jaar < 2000 || jaar > 2099 || nummer < 1 || nummer > midden.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new OngeldigeInvoer(veld, veld + " " + week + " bestaat niet (jaar 2000-2099, week 01 tot en met 52 of 53)");
        }
        return midden.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, nummer).with(DayOfWeek.MONDAY);
    }

    /** The first day the start may fall on: the Monday two weeks before the planned week (the first vooraankondiging says so). */
    public static LocalDate vensterVan(LocalDate maandag) {
        return maandag.minusWeeks(MARGE_WEKEN);
    }

    /** The last day the start may fall on: the Sunday two weeks after the planned week. */
    public static LocalDate vensterTot(LocalDate maandag) {
        return maandag.plusWeeks(MARGE_WEKEN).plusDays(6);
    }

    /** A Monday as its ISO week, "2027-W05". */
    public static String week(LocalDate maandag) {
        return String.format("%d-W%02d", maandag.get(IsoFields.WEEK_BASED_YEAR), maandag.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * Stores the capacities and the schools' start weeks, all or nothing. Refused: a week that is not a week, not
     * after the current one, a school twice, a BRIN that is not an open WPO, WEC or VGK institution in the BRIN register, a
     * school whose first vooraankondiging went out with another week or whose wachtwoordbrief is set, and a week
     * that would hold more schools than its capacity.
     */
    public List<Week> laad(Invoer invoer) {
        if (invoer == null || (leeg(invoer.weken()) && leeg(invoer.scholen()))) {
            throw new OngeldigeInvoer("scholen", "een planning met scholen (brin, startweek) en/of weken (week, capaciteit)");
        }
        List<Capaciteit> weken = invoer.weken() == null ? List.of() : invoer.weken();
        List<School> scholen = invoer.scholen() == null ? List.of() : invoer.scholen();
        if (scholen.size() > MAX_SCHOLEN || weken.size() > MAX_SCHOLEN) {
            throw new OngeldigeInvoer("scholen", "ten hoogste " + MAX_SCHOLEN + " scholen en " + MAX_SCHOLEN + " weken per keer");
        }
        LocalDate vandaag = LocalDate.now(klok);
        LocalDate dezeWeek = vandaag.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        Map<LocalDate, Integer> capaciteit = new HashMap<>();
        Map<LocalDate, Integer> regel = new HashMap<>();
        for (int i = 0; i < weken.size(); i++) {
            Capaciteit c = weken.get(i);
            String veld = "weken[" + i + "]";
            if (c == null) {
                throw new OngeldigeInvoer(veld, veld + " ontbreekt");
            }
            LocalDate maandag = maandag(c.week(), veld + ".week");
            if (!maandag.isAfter(dezeWeek)) {
                throw new OngeldigeInvoer(veld + ".week", "week " + c.week() + " ligt niet na deze week (" + week(dezeWeek) + ")");
            }
            if (c.capaciteit() == null || c.capaciteit() < 0 || c.capaciteit() > 100_000) {
                throw new OngeldigeInvoer(veld + ".capaciteit", veld + ".capaciteit moet een aantal scholen van 0 tot 100000 zijn");
            }
            regel.put(maandag, i);
            if (capaciteit.put(maandag, c.capaciteit()) != null) {
                throw new OngeldigeInvoer(veld + ".week", "week " + week(maandag) + " staat twee keer in weken");
            }
        }
        Map<String, LocalDate> nieuw = new LinkedHashMap<>();
        for (int i = 0; i < scholen.size(); i++) {
            School s = scholen.get(i);
            String veld = "scholen[" + i + "]";
            if (s == null) {
                throw new OngeldigeInvoer(veld, veld + " ontbreekt");
            }
            if (s.brin() == null || !Formaten.BRIN.matcher(s.brin()).matches()) {
                throw new OngeldigeInvoer(veld + ".brin", "BRIN-nummer moet twee cijfers en twee letters of cijfers zijn (bijv. 00AA)");
            }
            LocalDate maandag = maandag(s.startweek(), veld + ".startweek");
            if (!maandag.isAfter(dezeWeek)) {
                throw new OngeldigeInvoer(veld + ".startweek", "startweek " + s.startweek() + " van " + s.brin()
                        + " ligt niet na deze week (" + week(dezeWeek) + ")");
            }
            Optional<Instelling> instelling = instellingen.zoek(s.brin());
            // the institutions of BRON PO (primary, special, and the VGK institutions that coach); not VO or MBO
            if (instelling.isEmpty() || !instelling.get().isEen(Instelling.Soort.WPO, Instelling.Soort.WEC, Instelling.Soort.VGK)
                    || !instelling.get().geldigOp(maandag)) {
                throw new OngeldigeInvoer(veld + ".brin", "BRIN-nummer " + s.brin()
                        + " is in het BRIN-register geen instelling van BRON PO (WPO, WEC of VGK) die in " + s.startweek() + " bestaat");
            }
            if (nieuw.put(s.brin(), maandag) != null) {
                throw new OngeldigeInvoer(veld + ".brin", "BRIN-nummer " + s.brin() + " staat twee keer in de planning");
            }
            controleerHerplanning(s.brin(), maandag, veld);
        }

        return transactie.execute(t -> {
            // one loader at a time: the capacity check below reads what it is about to change
            jdbc.getJdbcTemplate().queryForList("select id from planning_slot where id = 1 for update");
            capaciteit.forEach((maandag, aantal) -> {
                if (jdbc.update("update planning_capaciteit set capaciteit = :c where week = :w", Map.of("c", aantal, "w", maandag)) == 0) {
                    jdbc.update("insert into planning_capaciteit (week, capaciteit) values (:w, :c)", Map.of("c", aantal, "w", maandag));
                }
            });
            Timestamp nu = Timestamp.from(klok.instant());
            nieuw.forEach((brin, maandag) -> {
                MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("w", maandag).addValue("nu", nu);
                if (jdbc.update("update planning set startweek = :w, gepland_op = :nu where brin = :brin", p) == 0) {
                    jdbc.update("insert into planning (brin, startweek, gepland_op) values (:brin, :w, :nu)", p);
                }
            });
            Set<LocalDate> geraakt = new HashSet<>(capaciteit.keySet());
            geraakt.addAll(nieuw.values());
            for (Week w : weken()) {
                if (geraakt.contains(w.maandag()) && w.gepland() > w.capaciteit()) {
                    // named by the capacity the operator set for it here, or else by the schools
                    throw new OngeldigeInvoer(regel.containsKey(w.maandag()) ? "weken[" + regel.get(w.maandag()) + "].capaciteit" : "scholen", "week " + w.week() + " zou " + w.gepland() + (w.gepland() == 1 ? " school" : " scholen") + " hebben, de capaciteit is "
                            + w.capaciteit() + "; er is niets opgeslagen");
                }
            }
            return weken();
        });
    }

    /**
     * A school whose first vooraankondiging is recorded was told its week; moving it is the wachtwoordbrief's job
     * (within two weeks), not the plan's. A school whose wachtwoordbrief is set has its start.
     */
    private void controleerHerplanning(String brin, LocalDate maandag, String veld) {
        List<LocalDate> was = jdbc.queryForList("select startweek from planning where brin = :brin", Map.of("brin", brin), LocalDate.class);
        if (aangekondigd(brin) && !was.isEmpty() && !was.get(0).equals(maandag)) {
            throw new OngeldigeInvoer(veld + ".startweek", "de eerste vooraankondiging van " + brin + " noemde week " + week(was.get(0))
                    + "; de start kan binnen twee weken daarvan vallen (wachtwoordbriefDatum van het aanleverpunt), de week blijft");
        }
        Integer gestart = jdbc.queryForObject("select count(*) from aanleverpunt where brin = :brin and wachtwoordbrief_datum is not null",
                Map.of("brin", brin), Integer.class);
        if (gestart > 0 && (was.isEmpty() || !was.get(0).equals(maandag))) {
            throw new OngeldigeInvoer(veld + ".brin", "de wachtwoordbrief van " + brin + " is al gezet: de fase aansluiting heeft haar start");
        }
    }

    /** Whether the school's first vooraankondiging is recorded (sent or not): from then on its week is known to it. */
    private boolean aangekondigd(String brin) {
        return jdbc.queryForObject("select count(*) from voortgangsmail v join aanleverpunt a on a.id = v.aanleverpunt_id "
                + "where a.brin = :brin and v.soort = :soort", Map.of("brin", brin, "soort", Vooraankondigingen.EERSTE), Integer.class) > 0;
    }

    /** Every week with planned schools or a capacity of its own, in order. */
    public List<Week> weken() {
        Map<LocalDate, int[]> per = new TreeMap<>();
        jdbc.query("select startweek, count(*) from planning group by startweek", Map.of(),
                rs -> { per.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new int[] {standaardCapaciteit, 0})[1] = rs.getInt(2); });
        jdbc.query("select week, capaciteit from planning_capaciteit", Map.of(),
                rs -> { per.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new int[] {0, 0})[0] = rs.getInt(2); });
        List<Week> weken = new ArrayList<>();
        per.forEach((maandag, w) -> weken.add(new Week(week(maandag), maandag, w[0], w[1])));
        return weken;
    }

    /** A week's capacity: the operator's for that week, or bron.planning.capaciteit-per-week. */
    public int capaciteit(LocalDate maandag) {
        return jdbc.queryForList("select capaciteit from planning_capaciteit where week = :w", Map.of("w", maandag), Integer.class).stream()
                .findFirst().orElse(standaardCapaciteit);
    }

    /** The planned start week's Monday of a school, if it is planned. */
    public Optional<LocalDate> startweek(String brin) {
        return jdbc.queryForList("select startweek from planning where brin = :brin", Map.of("brin", brin), LocalDate.class).stream().findFirst();
    }

    /** The schools planned in a week. */
    public List<String> scholen(LocalDate maandag) {
        return jdbc.queryForList("select brin from planning where startweek = :w order by brin", Map.of("w", maandag), String.class);
    }

    /** Takes a school out of the plan, as long as its first vooraankondiging is not recorded. */
    public boolean verwijder(String brin) {
        if (brin == null || !Formaten.BRIN.matcher(brin).matches()) {
            // not repeated: what stands in an address may be anything, a pupil's number too
            throw new OngeldigeInvoer("brin", "BRIN-nummer moet twee cijfers en twee letters of cijfers zijn (bijv. 00AA)");
        }
        if (aangekondigd(brin)) {
            throw new OngeldigeInvoer("brin", "de eerste vooraankondiging van " + brin + " is al vastgelegd; de school blijft gepland");
        }
        return jdbc.update("delete from planning where brin = :brin", Map.of("brin", brin)) > 0;
    }

    /**
     * The wachtwoordbrief of a planned school lies in the window its first vooraankondiging promised: from the
     * Monday two weeks before the planned week to the Sunday two weeks after it. An unplanned school: any date.
     */
    public void controleerWachtwoordbrief(String brin, LocalDate brief) {
        if (brief == null) {
            return;
        }
        startweek(brin).ifPresent(maandag -> {
            LocalDate van = vensterVan(maandag);
            LocalDate tot = vensterTot(maandag);
            if (brief.isBefore(van) || brief.isAfter(tot)) {
                throw new OngeldigeInvoer("wachtwoordbriefDatum", "wachtwoordbriefDatum " + brief + " ligt buiten het venster van de planning van "
                        + brin + " (startweek " + week(maandag) + ", plus of min twee weken: " + van + " tot en met " + tot + ")");
            }
        });
    }

    private static boolean leeg(List<?> lijst) {
        return lijst == null || lijst.isEmpty();
    }
}
