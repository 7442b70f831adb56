package nl.bronhub.gtb;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import java.util.stream.Stream;
import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The GTB as a school reads it (handbook ch. 9): per vestiging the peildata of its schedule (those marked
 * 'only on change' only when the counts changed), and per peildatum the funded pupils per soort onderwijs
 * and age, the CUMI count, the AB counts, and the pupils with a signal.
 */
@Component
public class GtbOverzicht {

    public record Telling(String soortOnderwijs, String naam, int onder8, int van8tot12, int vanaf13, int totaal) {
    }

    public record AbTelling(String soortOnderwijs, String naam, int begeleid, int teruggeplaatst) {
    }

    public record SignaalRegel(String pgn, LocalDate datumIngang, int signaal, String tekst) {
    }

    public record Gtb(String brin, String naam, String vestiging, LocalDate peildatum, boolean vastgesteld, List<Telling> bekostigd,
                      int totaal, int cumi, List<AbTelling> ab, int abTotaal, int teruggeplaatstTotaal, List<SignaalRegel> signalen,
                      List<SignaalRegel> attentiesignalen, List<SignaalRegel> laterMeegeteld) {
    }

    public record PeildatumRegel(LocalDate peildatum, boolean altijd, int totaal, int ab, boolean vastgesteld) {
    }

    private static final String TEL_PERIODEN = "select eerste_peildatum, laatste_peildatum, categorie, soort_onderwijs, "
            + "leeftijdsgroep, cumi, count(*) as n from gtb_periode where brin = :brin and vestiging = :v "
            + "group by eerste_peildatum, laatste_peildatum, categorie, soort_onderwijs, leeftijdsgroep, cumi";

    /** A vestiging's periods that hold on a peildatum of its school (a period covers its schedule from first to last). */
    private static final String TEL_OP_PEILDATUM = "select categorie, soort_onderwijs, leeftijdsgroep, cumi, count(*) as n "
            + "from gtb_periode l where l.brin = :brin and l.vestiging = :v and l.eerste_peildatum <= :d and l.laatste_peildatum >= :d "
            + "group by categorie, soort_onderwijs, leeftijdsgroep, cumi";

    private static final String SIGNALEN_OP_PEILDATUM = "select p.pgn, s.signaal, s.datum_ingang, s.scholen from gtb_periode l "
            + "join gtb_periode_signaal s on s.inschrijving_id = l.inschrijving_id and s.eerste_peildatum = l.eerste_peildatum "
            + "join persoon p on p.id = l.persoon_id where l.brin = :brin and l.vestiging = :v "
            + "and l.eerste_peildatum <= :d and l.laatste_peildatum >= :d order by s.signaal, p.pgn";

    private static final String NAMEN_OP_PEILDATUM = "select distinct p.pgn, p.voornamen, p.voorvoegsel, p.achternaam from gtb_periode l "
            + "join gtb_periode_signaal s on s.inschrijving_id = l.inschrijving_id and s.eerste_peildatum = l.eerste_peildatum "
            + "join persoon p on p.id = l.persoon_id where l.brin = :brin and l.vestiging = :v "
            + "and l.eerste_peildatum <= :d and l.laatste_peildatum >= :d";

    private final NamedParameterJdbcTemplate jdbc;
    private final Instellingen instellingen;
    private final Peildata peildata;
    private final GtbSignalen teksten;
    private final Clock klok;

    public GtbOverzicht(NamedParameterJdbcTemplate jdbc, Instellingen instellingen, Peildata peildata, GtbSignalen teksten, Clock klok) {
        this.jdbc = jdbc;
        this.instellingen = instellingen;
        this.peildata = peildata;
        this.teksten = teksten;
        this.klok = klok;
    }

    public List<String> vestigingen(String brin) {
        Set<String> v = new TreeSet<>(jdbc.queryForList("select distinct vestiging from gtb_periode where brin = :brin",
                Map.of("brin", brin), String.class));
        instellingen.zoek(brin).ifPresent(i -> i.vestigingen().forEach(x -> v.add(x.volgnummer())));
        return List.copyOf(v);
    }

    /**
     * Per vestiging the newest GTB whose peildatum has come (the schedule also lists peildata still ahead):
     * what a school checks before its akkoord, and a board's dashboard totals.
     */
    public Map<String, PeildatumRegel> laatste(String brin) {
        Map<String, PeildatumRegel> laatste = new LinkedHashMap<>();
        LocalDate vandaag = LocalDate.now(klok);
        for (String v : vestigingen(brin)) {
            peildata(brin, v).stream().filter(p -> !p.peildatum().isAfter(vandaag)).findFirst().ifPresent(p -> laatste.put(v, p));
        }
        return laatste;
    }

    /** The peildata of a vestiging's GTBs, newest first. */
    public List<PeildatumRegel> peildata(String brin, String vestiging) {
        Optional<Instelling> school = instellingen.zoek(brin).filter(i -> Peildata.heeftGtb(i.soort()));
        if (school.isEmpty()) {
            return List.of();
        }
        // the periods counted per standing; a peildatum counts those that hold on it
        record Groep(LocalDate eerste, LocalDate laatste, String standing, int n) {
        }
        List<Groep> groepen = new ArrayList<>();
        jdbc.query(TEL_PERIODEN, Map.of("brin", brin, "v", vestiging), rs -> {
            groepen.add(new Groep(rs.getDate("eerste_peildatum").toLocalDate(), rs.getDate("laatste_peildatum").toLocalDate(),
                    rs.getString("categorie") + "/" + rs.getString("soort_onderwijs") + "/" + rs.getString("leeftijdsgroep") + "/"
                            + rs.getBoolean("cumi"), rs.getInt("n")));
        });
        Map<LocalDate, Map<String, Integer>> tellingen = new HashMap<>();
        List<Peildata.Peildatum> schema = peildata.voor(school.get().soort(), LocalDate.now(klok));
        for (Peildata.Peildatum p : schema) {
            for (Groep g : groepen) {
                if (!p.datum().isBefore(g.eerste()) && !p.datum().isAfter(g.laatste())) {
                    tellingen.computeIfAbsent(p.datum(), k -> new TreeMap<>()).merge(g.standing(), g.n(), Integer::sum);
                }
            }
        }
        Set<LocalDate> vast = new TreeSet<>(jdbc.queryForList("select peildatum from gtb_vastgesteld where brin = :brin",
                Map.of("brin", brin), LocalDate.class));
        List<PeildatumRegel> regels = new ArrayList<>();
        Map<String, Integer> vorige = null;
        for (Peildata.Peildatum p : schema) {
            Map<String, Integer> t = tellingen.getOrDefault(p.datum(), Map.of());
            if (p.altijd() || vorige != null && !vorige.equals(t)) {
                regels.add(new PeildatumRegel(p.datum(), p.altijd(), som(t, "BEKOSTIGD"), som(t, "AB"), vast.contains(p.datum())));
            }
            vorige = t;
        }
        Collections.reverse(regels);
        return regels;
    }

    /** Whether the school has a GTB on this date: only its kind's peildata (1 October, and 1 February or 1 March) do. */
    public boolean isPeildatum(String brin, LocalDate peildatum) {
        // only in the school years the GTB covers (bron.gtb.schooljaren-terug up to now), as GET .../gtb lists them: a
        // peildatum years ahead has no GTB, not one of zeros
        return peildata.schooljaren(LocalDate.now(klok)).contains(Peildata.schooljaar(peildatum))
                && peildatumVanDeSoort(brin, peildatum);
    }

    /** Whether the date is one of the peildata of the school's kind, in any school year. */
    private boolean peildatumVanDeSoort(String brin, LocalDate peildatum) {
        return instellingen.zoek(brin).map(i -> peildata.isPeildatum(i.soort(), peildatum)).orElse(false);
    }

    public Gtb gtb(String brin, String vestiging, LocalDate peildatum) {
        MapSqlParameterSource p = new MapSqlParameterSource("brin", brin).addValue("v", vestiging).addValue("d", Date.valueOf(peildatum));
        Map<String, int[]> bekostigd = new TreeMap<>();
        Map<String, int[]> ab = new TreeMap<>();
        int[] cumi = {0};
        // a date between a school's peildata has no GTB (a period holds only on the peildata it spans)
        boolean peildatumVanDeSchool = peildatumVanDeSoort(brin, peildatum);
        if (peildatumVanDeSchool) {
            jdbc.query(TEL_OP_PEILDATUM, p, rs -> {
                String categorie = rs.getString("categorie");
                int n = rs.getInt("n");
                String soort = rs.getString("soort_onderwijs");
                if (categorie.equals("BEKOSTIGD")) {
                    int[] t = bekostigd.computeIfAbsent(soort, k -> new int[3]);
                    t[switch (rs.getString("leeftijdsgroep")) { case "<8" -> 0; case "8-12" -> 1; default -> 2; }] += n;
                    if (rs.getBoolean("cumi")) {
                        cumi[0] += n;
                    }
                } else if (categorie.equals("AB")) {
                    ab.computeIfAbsent(soort, k -> new int[2])[0] += n;
                } else if (categorie.equals("TERUGGEPLAATST")) {
                    ab.computeIfAbsent(soort, k -> new int[2])[1] += n;
                }
            });
        }
        List<Telling> tellingen = bekostigd.entrySet().stream().map(e -> new Telling(e.getKey(), naam(e.getKey()), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[0] + e.getValue()[1] + e.getValue()[2])).toList();
        List<AbTelling> abTellingen = ab.entrySet().stream()
                .map(e -> new AbTelling(e.getKey(), naam(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
        // three groups as a school reads them: not counted, counted with a remark, counted from a later peildatum
        List<SignaalRegel> signalen = new ArrayList<>();
        List<SignaalRegel> attentie = new ArrayList<>();
        List<SignaalRegel> later = new ArrayList<>();
        if (peildatumVanDeSchool) {
            jdbc.query(SIGNALEN_OP_PEILDATUM, p, rs -> {
                int code = rs.getInt("signaal");
                SignaalRegel r = new SignaalRegel(rs.getString("pgn"), rs.getDate("datum_ingang").toLocalDate(), code,
                        teksten.tekst(code, rs.getString("scholen")));
                (laterMeegeteld(code) ? later : teksten.telt(code) ? attentie : signalen).add(r);
            });
        }
        boolean vastgesteld = jdbc.queryForObject("select count(*) from gtb_vastgesteld where brin = :brin and peildatum = :d", p,
                Integer.class) > 0;
        return new Gtb(brin, instellingen.zoek(brin).map(Instelling::naam).orElse(brin), vestiging, peildatum, vastgesteld, tellingen,
                tellingen.stream().mapToInt(Telling::totaal).sum(), cumi[0], abTellingen,
                abTellingen.stream().mapToInt(AbTelling::begeleid).sum(), abTellingen.stream().mapToInt(AbTelling::teruggeplaatst).sum(),
                signalen, attentie, later);
    }

    /**
     * Signals 21 and 20 mark a mutation that came after this peildatum's GTB was vastgesteld (or its school
     * year closed): it counts from a later peildatum, not on this one, whatever the signal's telt says.
     */
    public static boolean laterMeegeteld(int signaal) {
        return signaal == 21 || signaal == 20;
    }

    /**
     * The names of the pupils with a signal on this GTB, by pgn ('Jan van den Berg'), for the school's own
     * portal page only: the operator API and the logs keep to the number.
     */
    public Map<String, String> namen(String brin, String vestiging, LocalDate peildatum) {
        Map<String, String> namen = new HashMap<>();
        if (!peildatumVanDeSoort(brin, peildatum)) {
            return namen;
        }
        jdbc.query(NAMEN_OP_PEILDATUM,
                new MapSqlParameterSource("brin", brin).addValue("v", vestiging).addValue("d", Date.valueOf(peildatum)),
                rs -> {
                    namen.put(rs.getString("pgn"), String.join(" ", Stream.of(rs.getString("voornamen"),
                            rs.getString("voorvoegsel"), rs.getString("achternaam")).filter(x -> x != null && !x.isBlank()).toList()));
                });
        return namen;
    }

    /** Whether the GTB still has work queued (a school sees 'being recomputed'). */
    public boolean bijwerken() {
        return jdbc.queryForObject("select count(*) from gtb_wijziging", Map.of(), Integer.class) > 0;
    }

    private static int som(Map<String, Integer> t, String categorie) {
        return t.entrySet().stream().filter(e -> e.getKey().startsWith(categorie + "/")).mapToInt(Map.Entry::getValue).sum();
    }

    private static String naam(String soort) {
        return "BAO".equals(soort) ? "basisonderwijs" : Waardelijsten.soortOnderwijs(soort);
    }
}
