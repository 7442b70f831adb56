package nl.bronhub.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Voorkomen;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads what the register now holds, as the typed model (for rules, terugkoppelingen and overviews). */
@Component
public class RegisterLezer {

    private final NamedParameterJdbcTemplate jdbc;

    public RegisterLezer(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Leerling persoon(String pgn) {
        if (pgn == null) {
            return null;
        }
        return jdbc.query("select * from persoon where pgn = :pgn", Map.of("pgn", pgn), rs -> rs.next() ? persoon(rs) : null);
    }

    public Inschrijving inschrijving(String pgn, String brin, LocalDate datumInschrijving) {
        if (pgn == null || datumInschrijving == null) {
            return null;
        }
        Long id = jdbc.query("select i.id from inschrijving i join persoon p on p.id = i.persoon_id "
                        + "where p.pgn = :pgn and i.brin = :brin and i.datum_inschrijving = :d",
                Map.of("pgn", pgn, "brin", brin, "d", datumInschrijving), rs -> rs.next() ? rs.getLong(1) : null);
        return id == null ? null : inschrijving(id);
    }

    /** A period of enrolment, for comparing enrolments of one pupil. */
    public record Periode(LocalDate inschrijving, LocalDate uitschrijving) {

        public boolean overlaptMet(LocalDate van, LocalDate tot) {
            return (uitschrijving == null || !van.isAfter(uitschrijving)) && (tot == null || !tot.isBefore(inschrijving));
        }
    }

    /** The pupil's enrolments at this school. */
    public java.util.List<Periode> inschrijvingen(String pgn, String brin) {
        return jdbc.query("select i.datum_inschrijving, i.datum_uitschrijving from inschrijving i join persoon p on p.id = i.persoon_id "
                        + "where p.pgn = :pgn and i.brin = :brin", Map.of("pgn", pgn, "brin", brin),
                (rs, n) -> new Periode(rs.getDate(1).toLocalDate(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()));
    }

    public Inschrijving inschrijving(long id) {
        Map<String, Long> p = Map.of("id", id);
        Inschrijving kern = jdbc.queryForObject("select datum_inschrijving, datum_uitschrijving, brin_teruggeplaatst, "
                + "aanduiding_nnca from inschrijving where id = :id", p, (rs, n) -> new Inschrijving(datum(rs.getDate(1)),
                datum(rs.getDate(2)), rs.getString(3), rs.getString(4), Map.of(), List.of(), List.of()));
        Map<Groep, List<Voorkomen>> groepen = new EnumMap<>(Groep.class);
        jdbc.query("select groep, ingangsdatum, waarde from inschrijving_groep where inschrijving_id = :id "
                + "order by groep, ingangsdatum", p, rs -> {
            groepen.computeIfAbsent(Groep.uitOpslag(rs.getString("groep")), g -> new ArrayList<>())
                    .add(new Voorkomen(datum(rs.getDate("ingangsdatum")), rs.getString("waarde")));
        });
        List<Indicatiestelling> indicaties = jdbc.query("select datum_indicatiestelling, onderwijssoort_indicatie, brin_rec, "
                + "cvi_nummer from indicatiestelling where inschrijving_id = :id order by datum_indicatiestelling", p,
                (rs, n) -> new Indicatiestelling(datum(rs.getDate(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
        List<AmbulanteBegeleiding> begeleiding = jdbc.query("select ingangsdatum, brin_school from ambulante_begeleiding "
                + "where inschrijving_id = :id order by ingangsdatum", p,
                (rs, n) -> new AmbulanteBegeleiding(datum(rs.getDate(1)), rs.getString(2)));
        return new Inschrijving(kern.datumInschrijving(), kern.datumUitschrijving(), kern.brinTeruggeplaatsteLeerling(),
                kern.aanduidingNnca(), groepen, indicaties, begeleiding);
    }

    private static Leerling persoon(ResultSet rs) throws SQLException {
        boolean bsn = "BSN".equals(rs.getString("pgn_soort"));
        return new Leerling(bsn ? rs.getString("pgn") : null, bsn ? null : rs.getString("pgn"), datum(rs.getDate("geboortedatum")),
                rs.getString("geslacht"), rs.getString("achternaam"), rs.getString("voorvoegsel"), rs.getString("voornamen"),
                rs.getString("straatnaam"), rs.getString("huisnummer"), rs.getString("huisnummertoevoeging"),
                rs.getString("postcode"), rs.getString("woonplaats"), rs.getString("landcode"),
                rs.getString("adresregel_buitenland1"), rs.getString("adresregel_buitenland2"),
                rs.getString("adresregel_buitenland3"), rs.getBoolean("adres_geheim"));
    }

    private static LocalDate datum(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
