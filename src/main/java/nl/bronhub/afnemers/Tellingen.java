package nl.bronhub.afnemers;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import nl.bronhub.gtb.Peildata;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The raw counts of a delivery, per BRIN, vestiging and soort onderwijs, split into the three age groups of the GTB
 * (age on 31 December of the peildatum's school year: under 8, 8 to 12, 13 and over). Only counts leave the
 * database: the birth date is compared there with two dates, never read.
 */
@Component
public class Tellingen {

    /** A row of the delivery: one school's vestiging and soort onderwijs. */
    public record Rij(String brin, String vestiging, String soortOnderwijs) implements Comparable<Rij> {
        @Override
        public int compareTo(Rij o) {
            return (brin + "/" + vestiging + "/" + soortOnderwijs).compareTo(o.brin + "/" + o.vestiging + "/" + o.soortOnderwijs);
        }
    }

    static final String[] LEEFTIJDSGROEPEN = {"<8", "8-12", "13+"};

    private final NamedParameterJdbcTemplate jdbc;
    private final Instellingen instellingen;
    private final Peildata peildata;

    public Tellingen(NamedParameterJdbcTemplate jdbc, Instellingen instellingen, Peildata peildata) {
        this.jdbc = jdbc;
        this.instellingen = instellingen;
        this.peildata = peildata;
    }

    /** Per row the pupils in each age group (index as {@link #LEEFTIJDSGROEPEN}). */
    public Map<Rij, int[]> tel(Leveringsoort soort, LocalDate peildatum) {
        return soort == Leveringsoort.GTB ? gtb(peildatum) : register(peildatum);
    }

    /** The GTB's funded pupils on the peildatum, as the schools' GTBs count them (GtbOverzicht). */
    private Map<Rij, int[]> gtb(LocalDate peildatum) {
        Map<Rij, int[]> tellingen = new TreeMap<>();
        jdbc.query("select brin, vestiging, soort_onderwijs, leeftijdsgroep, count(*) as n from gtb_periode "
                        + "where eerste_peildatum <= :d and laatste_peildatum >= :d and categorie = 'BEKOSTIGD' "
                        + "group by brin, vestiging, soort_onderwijs, leeftijdsgroep",
                new MapSqlParameterSource("d", Date.valueOf(peildatum)), rs -> {
                    // a period holds on its school's peildata only: a date between them is not one of that school's GTBs
                    if (!instellingen.zoek(rs.getString("brin")).map(i -> peildata.isPeildatum(i.soort(), peildatum)).orElse(false)) {
                        return;
                    }
                    tellingen.computeIfAbsent(new Rij(rs.getString("brin"), rs.getString("vestiging"), rs.getString("soort_onderwijs")),
                            k -> new int[3])[groep(rs.getString("leeftijdsgroep"))] += rs.getInt("n");
                });
        return tellingen;
    }

    /**
     * Every enrolment in force on the peildatum (enrolled on or before it, not uitgeschreven before it), with the
     * vestiging and soort onderwijs that held on that day (01 and 00 when none did, as the GTB reads them); a WPO
     * school's enrolments are basisonderwijs (BAO).
     */
    private Map<Rij, int[]> register(LocalDate peildatum) {
        LocalDate eindeJaar = LocalDate.of(peildatum.getMonthValue() >= 8 ? peildatum.getYear() : peildatum.getYear() - 1, 12, 31);
        MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(peildatum))
                // born after these days: younger than 8, resp. than 13, on 31 December of the school year
                .addValue("grens8", Date.valueOf(eindeJaar.minusYears(8)))
                .addValue("grens13", Date.valueOf(eindeJaar.minusYears(13)));
        Map<Rij, int[]> tellingen = new TreeMap<>();
        jdbc.query("select brin, vestiging, soort, leeftijdsgroep, count(*) as n from (select i.brin, "
                        + "coalesce((select g.waarde from inschrijving_groep g where g.inschrijving_id = i.id and g.groep = 'vestiging' "
                        + "and g.ingangsdatum <= :d order by g.ingangsdatum desc limit 1), '01') as vestiging, "
                        + "coalesce((select g.waarde from inschrijving_groep g where g.inschrijving_id = i.id and g.groep = 'soort_onderwijs' "
                        + "and g.ingangsdatum <= :d order by g.ingangsdatum desc limit 1), '00') as soort, "
                        + "case when p.geboortedatum > :grens8 then '<8' when p.geboortedatum > :grens13 then '8-12' else '13+' end as leeftijdsgroep "
                        + "from inschrijving i join persoon p on p.id = i.persoon_id "
                        + "where i.datum_inschrijving <= :d and (i.datum_uitschrijving is null or i.datum_uitschrijving >= :d)) t "
                        + "group by brin, vestiging, soort, leeftijdsgroep", p, rs -> {
                    String brin = rs.getString("brin");
                    boolean wpo = instellingen.zoek(brin).map(i -> i.soort() == Instelling.Soort.WPO).orElse(false);
                    tellingen.computeIfAbsent(new Rij(brin, rs.getString("vestiging"), wpo ? "BAO" : rs.getString("soort")),
                            k -> new int[3])[groep(rs.getString("leeftijdsgroep"))] += rs.getInt("n");
                });
        return tellingen;
    }

    private static int groep(String leeftijdsgroep) {
        return switch (leeftijdsgroep) {
            case "<8" -> 0;
            case "8-12" -> 1;
            default -> 2;
        };
    }
}
