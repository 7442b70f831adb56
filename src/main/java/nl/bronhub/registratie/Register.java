package nl.bronhub.registratie;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.gtb.GtbHerberekening;
import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/**
 * The registration store: persons and their inschrijvingen with the groups that change over time.
 * Runs inside the reeks's transaction (route verwerk-reeks).
 */
@Component
public class Register implements SignaalBron {

    private final NamedParameterJdbcTemplate jdbc;
    private final RegisterLezer lezer;
    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public Register(NamedParameterJdbcTemplate jdbc, RegisterLezer lezer, SignaalCatalogus catalogus, Clock klok) {
        this.jdbc = jdbc;
        this.lezer = lezer;
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("304", "771", "772");
    }

    /** Each bericht of the reeks that passed the checks, in order. */
    public void registreerAlle(Reeks reeks) {
        reeks.elkNietAfgekeurd(this::registreer);
    }

    public void registreer(Verwerking v) {
        if (v.is(Mutatiesoort.VERWIJDEREN)) {
            verwijder(v);
            return;
        }
        RegisterLezer.Bekend bekend = lezer.bekend(v.getPgn(), v.getBrin());
        lezer.gewijzigd(v.getPgn());
        if (bekend != null) {
            // 772 when the school changes the postcode the register holds for the pupil
            anders(v, "772", "postcode volgens instelling", bekend.postcode(), v.leerling().postcode());
        }
        long persoonId = slaOp(bekend == null ? null : bekend.id(), v.getPgn(), v.leerling());
        Leerling opgeslagen = zoalsOpgeslagen(v.getPgn(), v.leerling());
        Inschrijving inschrijving = v.inschrijving();
        // an inschrijving the register holds for this pupil at this school on that date: only then is there one to look up
        boolean misschienBestaand = bekend != null && inschrijving != null
                && bekend.inschrijvingen().stream().anyMatch(p -> p.inschrijving().equals(inschrijving.datumInschrijving()));
        v.setGeregistreerd(opgeslagen, inschrijving == null ? null : slaOp(persoonId, v, inschrijving, misschienBestaand));
        GtbHerberekening.markeer(jdbc, persoonId);
    }

    /** The person as the register now holds them: the pgn in its own column (BSN or onderwijsnummer). */
    private static Leerling zoalsOpgeslagen(String pgn, Leerling p) {
        boolean bsn = pgn.equals(p.bsn());
        return new Leerling(bsn ? pgn : null, bsn ? null : pgn, p.geboortedatum(), p.geslacht(), p.achternaam(), p.voorvoegsel(),
                p.voornamen(), p.straatnaam(), p.huisnummer(), p.huisnummertoevoeging(), p.postcode(), p.woonplaats(), p.landcode(),
                p.adresregelBuitenland1(), p.adresregelBuitenland2(), p.adresregelBuitenland3(), p.adresGeheim());
    }

    private long slaOp(Long id, String pgn, Leerling p) {
        MapSqlParameterSource w = new MapSqlParameterSource()
                .addValue("pgn", pgn)
                .addValue("soort", pgn.equals(p.bsn()) ? "BSN" : "ONDERWIJSNUMMER")
                .addValue("geboortedatum", p.geboortedatum())
                .addValue("geslacht", p.geslacht())
                .addValue("achternaam", p.achternaam())
                .addValue("voorvoegsel", p.voorvoegsel())
                .addValue("voornamen", p.voornamen())
                .addValue("straatnaam", p.straatnaam())
                .addValue("huisnummer", p.huisnummer())
                .addValue("toevoeging", p.huisnummertoevoeging())
                .addValue("postcode", p.postcode())
                .addValue("woonplaats", p.woonplaats())
                .addValue("landcode", p.landcode())
                .addValue("regel1", p.adresregelBuitenland1())
                .addValue("regel2", p.adresregelBuitenland2())
                .addValue("regel3", p.adresregelBuitenland3())
                .addValue("geheim", p.adresGeheim())
                .addValue("nu", Timestamp.from(klok.instant()));
        if (id != null) {
            jdbc.update("update persoon set pgn_soort = :soort, geboortedatum = :geboortedatum, geslacht = :geslacht, "
                    + "achternaam = :achternaam, voorvoegsel = :voorvoegsel, voornamen = :voornamen, straatnaam = :straatnaam, "
                    + "huisnummer = :huisnummer, huisnummertoevoeging = :toevoeging, postcode = :postcode, woonplaats = :woonplaats, "
                    + "landcode = :landcode, adresregel_buitenland1 = :regel1, adresregel_buitenland2 = :regel2, "
                    + "adresregel_buitenland3 = :regel3, adres_geheim = :geheim, gewijzigd_op = :nu where id = :id", w.addValue("id", id));
            return id;
        }
        GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
        jdbc.update("insert into persoon (pgn, pgn_soort, geboortedatum, geslacht, achternaam, voorvoegsel, voornamen, "
                + "straatnaam, huisnummer, huisnummertoevoeging, postcode, woonplaats, landcode, adresregel_buitenland1, "
                + "adresregel_buitenland2, adresregel_buitenland3, adres_geheim, gewijzigd_op) values (:pgn, :soort, "
                + ":geboortedatum, :geslacht, :achternaam, :voorvoegsel, :voornamen, :straatnaam, :huisnummer, :toevoeging, "
                + ":postcode, :woonplaats, :landcode, :regel1, :regel2, :regel3, :geheim, :nu)", w, sleutel, new String[] {"id"});
        return sleutel.getKey().longValue();
    }

    /** Stores the inschrijving, and returns it as the register now holds it (for the terugkoppeling). */
    private Inschrijving slaOp(long persoonId, Verwerking v, Inschrijving i, boolean misschienBestaand) {
        MapSqlParameterSource w = new MapSqlParameterSource()
                .addValue("persoon", persoonId)
                .addValue("aanleverpunt", v.getAanleverpuntId())
                .addValue("brin", v.getBrin())
                .addValue("inschrijving", i.datumInschrijving())
                .addValue("uitschrijving", i.datumUitschrijving())
                .addValue("teruggeplaatst", i.brinTeruggeplaatsteLeerling())
                .addValue("nnca", i.aanduidingNnca())
                .addValue("nu", Timestamp.from(klok.instant()));
        Long id = misschienBestaand ? bestaande(persoonId, v.getBrin(), i.datumInschrijving()) : null;
        boolean nieuw = id == null;
        if (nieuw) {
            GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
            jdbc.update("insert into inschrijving (persoon_id, aanleverpunt_id, brin, datum_inschrijving, datum_uitschrijving, "
                    + "brin_teruggeplaatst, aanduiding_nnca, gewijzigd_op) values (:persoon, :aanleverpunt, :brin, :inschrijving, "
                    + ":uitschrijving, :teruggeplaatst, :nnca, :nu)", w, sleutel, new String[] {"id"});
            id = sleutel.getKey().longValue();
        } else {
            vergelijk(v, id, i);
            // wijzigen: the LAS sends the enrolment as it now stands, so its groups replace the stored ones
            jdbc.update("update inschrijving set aanleverpunt_id = :aanleverpunt, datum_uitschrijving = :uitschrijving, "
                    + "brin_teruggeplaatst = :teruggeplaatst, aanduiding_nnca = :nnca, gewijzigd_op = :nu where id = :id",
                    w.addValue("id", id));
            jdbc.update("delete from inschrijving_groep where inschrijving_id = :id", Map.of("id", id));
            jdbc.update("delete from ambulante_begeleiding where inschrijving_id = :id", Map.of("id", id));
        }
        long inschrijvingId = id;
        v.setInschrijvingId(inschrijvingId);
        List<MapSqlParameterSource> groepen = new ArrayList<>();
        Map<Groep, List<Voorkomen>> opgeslagen = new EnumMap<>(Groep.class);
        for (Groep groep : Groep.values()) {
            i.groep(groep).forEach(g -> groepen.add(new MapSqlParameterSource("id", inschrijvingId).addValue("groep", groep.opslag())
                    .addValue("ingang", g.ingangsdatum()).addValue("waarde", g.waarde())));
            opgeslagen.put(groep, i.groep(groep).stream().sorted(Comparator.comparing(Voorkomen::ingangsdatum)).toList());
        }
        batch("insert into inschrijving_groep (inschrijving_id, groep, ingangsdatum, waarde) values (:id, :groep, :ingang, :waarde)",
                groepen);
        // a re-indication is stored beside the earlier ones, never over them
        List<Indicatiestelling> indicaties = nieuw ? new ArrayList<>() : jdbc.query("select datum_indicatiestelling, "
                + "onderwijssoort_indicatie, brin_rec, cvi_nummer from indicatiestelling where inschrijving_id = :id",
                Map.of("id", inschrijvingId), (rs, n) -> new Indicatiestelling(rs.getDate(1).toLocalDate(), rs.getString(2),
                        rs.getString(3), rs.getString(4)));
        List<MapSqlParameterSource> nieuweIndicaties = new ArrayList<>();
        for (Indicatiestelling ind : i.indicatiestellingen()) {
            Optional<Indicatiestelling> er = indicaties.stream()
                    .filter(x -> x.datum().equals(ind.datum()) && x.onderwijssoort().equals(ind.onderwijssoort())).findFirst();
            if (er.isPresent()) {
                // the registered indication stands; a different REC or CVI-nummer for it is reported, not taken
                if (!Objects.equals(er.get().brinRec(), ind.brinRec())) {
                    v.voegToe(catalogus.signaal("771", "BRIN-nummer REC indicatiestelling"));
                }
                if (!Objects.equals(er.get().cviNummer(), ind.cviNummer())) {
                    v.voegToe(catalogus.signaal("771", "CVI-nummer"));
                }
            } else {
                indicaties.add(ind);
                nieuweIndicaties.add(new MapSqlParameterSource("id", inschrijvingId).addValue("datum", ind.datum())
                        .addValue("soort", ind.onderwijssoort()).addValue("rec", ind.brinRec()).addValue("cvi", ind.cviNummer()));
            }
        }
        batch("insert into indicatiestelling (inschrijving_id, datum_indicatiestelling, onderwijssoort_indicatie, brin_rec, cvi_nummer) "
                + "values (:id, :datum, :soort, :rec, :cvi)", nieuweIndicaties);
        batch("insert into ambulante_begeleiding (inschrijving_id, ingangsdatum, brin_school) values (:id, :ingang, :brin)",
                i.ambulanteBegeleiding().stream().map(ab -> new MapSqlParameterSource("id", inschrijvingId)
                        .addValue("ingang", ab.ingangsdatum()).addValue("brin", ab.brinSchool())).toList());
        return new Inschrijving(i.datumInschrijving(), i.datumUitschrijving(), i.brinTeruggeplaatsteLeerling(), i.aanduidingNnca(),
                opgeslagen, indicaties.stream().sorted(Comparator.comparing(Indicatiestelling::datum)).toList(),
                i.ambulanteBegeleiding().stream().sorted(Comparator.comparing(AmbulanteBegeleiding::ingangsdatum)).toList());
    }

    /** One round trip for all rows (a JDBC batch). */
    private void batch(String sql, List<MapSqlParameterSource> rijen) {
        if (!rijen.isEmpty()) {
            jdbc.batchUpdate(sql, rijen.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** 772 for each registered value a wijzigen replaces with another. */
    private void vergelijk(Verwerking v, long id, Inschrijving nieuw) {
        Map<String, Object> oud = jdbc.queryForMap("select datum_uitschrijving, brin_teruggeplaatst, aanduiding_nnca "
                + "from inschrijving where id = :id", Map.of("id", id));
        anders(v, "772", "datum uitschrijving", oud.get("datum_uitschrijving") == null ? null
                : oud.get("datum_uitschrijving").toString(), nieuw.datumUitschrijving() == null ? null
                : nieuw.datumUitschrijving().toString());
        anders(v, "772", "BRIN-nummer teruggeplaatste leerling", oud.get("brin_teruggeplaatst"), nieuw.brinTeruggeplaatsteLeerling());
        anders(v, "772", "aanduiding NNCA", oud.get("aanduiding_nnca"), nieuw.aanduidingNnca());
        Map<String, String> geregistreerd = new HashMap<>();
        jdbc.query("select groep, ingangsdatum, waarde from inschrijving_groep where inschrijving_id = :id", Map.of("id", id),
                rs -> {
                    geregistreerd.put(rs.getString("groep") + "@" + rs.getDate("ingangsdatum").toLocalDate(), rs.getString("waarde"));
                });
        for (Groep groep : Groep.values()) {
            nieuw.groep(groep).stream()
                    .filter(g -> {
                        String was = geregistreerd.get(groep.opslag() + "@" + g.ingangsdatum());
                        return was != null && !was.equals(g.waarde());
                    })
                    .findFirst()
                    .ifPresent(g -> v.voegToe(catalogus.signaal("772", groep.naam())));
        }
    }

    /** A registered value replaced by another one (filling an empty field replaces nothing). */
    private void anders(Verwerking v, String code, String gegeven, Object geregistreerd, Object nieuw) {
        if (geregistreerd != null && !geregistreerd.equals(nieuw)) {
            v.voegToe(catalogus.signaal(code, gegeven));
        }
    }

    /** Only for a pupil who never attended (handbook 7.6); 304 when there is nothing to delete. */
    private void verwijder(Verwerking v) {
        LocalDate datumInschrijving = v.inschrijving().datumInschrijving();
        Long persoonId = jdbc.query("select id from persoon where pgn = :pgn", Map.of("pgn", v.getPgn()),
                rs -> rs.next() ? rs.getLong(1) : null);
        Long id = persoonId == null ? null : bestaande(persoonId, v.getBrin(), datumInschrijving);
        if (id == null) {
            v.voegToe(catalogus.signaal("304", "datum inschrijving",
                    Map.of("pgn", v.getPgn(), "datumInschrijving", datum(datumInschrijving))));
            return;
        }
        jdbc.update("delete from inschrijving where id = :id", Map.of("id", id));
        GtbHerberekening.markeer(jdbc, persoonId);
    }

    private Long bestaande(long persoonId, String brin, LocalDate datumInschrijving) {
        return jdbc.query("select id from inschrijving where persoon_id = :p and brin = :brin and datum_inschrijving = :d",
                Map.of("p", persoonId, "brin", brin, "d", datumInschrijving), rs -> rs.next() ? rs.getLong(1) : null);
    }
}
