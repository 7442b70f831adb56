package nl.bronhub.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import nl.bronhub.contract.v1.AmbulanteBegeleiding;
import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Indicatiestelling;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads what the register now holds, in the contract's shape (for terugkoppelingen and overviews). */
@Component
public class RegisterLezer {

    private final NamedParameterJdbcTemplate jdbc;

    public RegisterLezer(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Persoon persoon(String pgn) {
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
        Inschrijving i = jdbc.queryForObject("select * from inschrijving where id = :id", p, (rs, n) -> {
            Inschrijving x = new Inschrijving();
            x.setDatumInschrijving(tekst(rs.getDate("datum_inschrijving")));
            x.setDatumUitschrijving(tekst(rs.getDate("datum_uitschrijving")));
            x.setBrinTeruggeplaatsteLeerling(rs.getString("brin_teruggeplaatst"));
            x.setAanduidingNnca(rs.getString("aanduiding_nnca"));
            return x;
        });
        jdbc.query("select groep, ingangsdatum, waarde from inschrijving_groep where inschrijving_id = :id "
                + "order by groep, ingangsdatum", p, rs -> {
            GroepVoorkomen g = new GroepVoorkomen();
            g.setIngangsdatum(tekst(rs.getDate("ingangsdatum")));
            g.setWaarde(rs.getString("waarde"));
            Register.GROEPEN.get(rs.getString("groep")).apply(i).add(g);
        });
        jdbc.query("select * from indicatiestelling where inschrijving_id = :id order by datum_indicatiestelling", p, rs -> {
            Indicatiestelling ind = new Indicatiestelling();
            ind.setDatumIndicatiestelling(tekst(rs.getDate("datum_indicatiestelling")));
            ind.setOnderwijssoortIndicatie(rs.getString("onderwijssoort_indicatie"));
            ind.setBrinRec(rs.getString("brin_rec"));
            ind.setCviNummer(rs.getString("cvi_nummer"));
            i.getIndicatiestelling().add(ind);
        });
        jdbc.query("select * from ambulante_begeleiding where inschrijving_id = :id order by ingangsdatum", p, rs -> {
            AmbulanteBegeleiding ab = new AmbulanteBegeleiding();
            ab.setIngangsdatum(tekst(rs.getDate("ingangsdatum")));
            ab.setBrinSchool(rs.getString("brin_school"));
            i.getAmbulanteBegeleiding().add(ab);
        });
        return i;
    }

    private static Persoon persoon(ResultSet rs) throws SQLException {
        Persoon p = new Persoon();
        if ("BSN".equals(rs.getString("pgn_soort"))) {
            p.setBurgerservicenummer(rs.getString("pgn"));
        } else {
            p.setOnderwijsnummer(rs.getString("pgn"));
        }
        p.setGeboortedatum(tekst(rs.getDate("geboortedatum")));
        p.setGeslacht(rs.getString("geslacht"));
        p.setAchternaam(rs.getString("achternaam"));
        p.setVoorvoegsel(rs.getString("voorvoegsel"));
        p.setVoornamen(rs.getString("voornamen"));
        p.setStraatnaam(rs.getString("straatnaam"));
        p.setHuisnummer(rs.getString("huisnummer"));
        p.setHuisnummertoevoeging(rs.getString("huisnummertoevoeging"));
        p.setPostcode(rs.getString("postcode"));
        p.setWoonplaats(rs.getString("woonplaats"));
        p.setLandcode(rs.getString("landcode"));
        p.setAdresregelBuitenland1(rs.getString("adresregel_buitenland1"));
        p.setAdresregelBuitenland2(rs.getString("adresregel_buitenland2"));
        p.setAdresregelBuitenland3(rs.getString("adresregel_buitenland3"));
        p.setAdresGeheim(rs.getBoolean("adres_geheim") ? Boolean.TRUE : null);
        return p;
    }

    private static String tekst(Date d) {
        return d == null ? null : d.toLocalDate().toString();
    }
}
