package nl.bronhub.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.bronhub.contract.v1.GroepVoorkomen;
import nl.bronhub.contract.v1.Inschrijving;
import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.gtb.GtbHerberekening;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalBron;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;
import static nl.bronhub.signal.SignaalCatalogus.datum;

/**
 * The registration store: persons and their inschrijvingen with the groups that change over time.
 * Runs inside the bericht's transaction (see AanleverpuntVerwerker).
 */
@Component
public class Register implements SignaalBron {

    /** Group name in the store, and how to read it from the contract. */
    static final Map<String, java.util.function.Function<Inschrijving, List<GroepVoorkomen>>> GROEPEN = Map.of(
            "vestiging", Inschrijving::getVestiging,
            "leerjaar", Inschrijving::getLeerjaar,
            "soort_verblijf", Inschrijving::getSoortVerblijf,
            "schoolsoort", Inschrijving::getSchoolsoort,
            "soort_onderwijs", Inschrijving::getSoortOnderwijs,
            "indicatie_bekostiging", Inschrijving::getIndicatieBekostiging);

    /** How the LAS knows each group, for the signals about it. */
    static final Map<String, String> LABELS = Map.of(
            "vestiging", "vestiging", "leerjaar", "leerjaar/groep", "soort_verblijf", "soort verblijf",
            "schoolsoort", "schoolsoort", "soort_onderwijs", "soort onderwijs", "indicatie_bekostiging", "indicatie bekostiging");

    private final NamedParameterJdbcTemplate jdbc;
    private final SignaalCatalogus catalogus;
    private final Clock klok;

    public Register(NamedParameterJdbcTemplate jdbc, SignaalCatalogus catalogus, Clock klok) {
        this.jdbc = jdbc;
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("304", "771", "772");
    }

    public void registreer(Verwerking v) {
        if ("verwijderen".equals(v.mutatiesoort())) {
            verwijder(v);
            return;
        }
        vergelijkPostcode(v);
        long persoonId = slaOp(v.getPgn(), v.leerling());
        Inschrijving inschrijving = v.getBericht().getInschrijving();
        if (inschrijving != null) {
            slaOp(persoonId, v, inschrijving);
        }
        GtbHerberekening.markeer(jdbc, persoonId);
    }

    private long slaOp(String pgn, Persoon p) {
        MapSqlParameterSource w = new MapSqlParameterSource()
                .addValue("pgn", pgn)
                .addValue("soort", pgn.equals(trim(p.getBurgerservicenummer())) ? "BSN" : "ONDERWIJSNUMMER")
                .addValue("geboortedatum", datum(p.getGeboortedatum()))
                .addValue("geslacht", trim(p.getGeslacht()))
                .addValue("achternaam", trim(p.getAchternaam()))
                .addValue("voorvoegsel", trim(p.getVoorvoegsel()))
                .addValue("voornamen", trim(p.getVoornamen()))
                .addValue("straatnaam", trim(p.getStraatnaam()))
                .addValue("huisnummer", trim(p.getHuisnummer()))
                .addValue("toevoeging", trim(p.getHuisnummertoevoeging()))
                .addValue("postcode", trim(p.getPostcode()))
                .addValue("woonplaats", trim(p.getWoonplaats()))
                .addValue("landcode", trim(p.getLandcode()))
                .addValue("regel1", trim(p.getAdresregelBuitenland1()))
                .addValue("regel2", trim(p.getAdresregelBuitenland2()))
                .addValue("regel3", trim(p.getAdresregelBuitenland3()))
                .addValue("geheim", Boolean.TRUE.equals(p.isAdresGeheim()))
                .addValue("nu", Timestamp.from(klok.instant()));
        int bijgewerkt = jdbc.update("update persoon set pgn_soort = :soort, geboortedatum = :geboortedatum, geslacht = :geslacht, "
                + "achternaam = :achternaam, voorvoegsel = :voorvoegsel, voornamen = :voornamen, straatnaam = :straatnaam, "
                + "huisnummer = :huisnummer, huisnummertoevoeging = :toevoeging, postcode = :postcode, woonplaats = :woonplaats, "
                + "landcode = :landcode, adresregel_buitenland1 = :regel1, adresregel_buitenland2 = :regel2, "
                + "adresregel_buitenland3 = :regel3, adres_geheim = :geheim, gewijzigd_op = :nu where pgn = :pgn", w);
        if (bijgewerkt == 0) {
            jdbc.update("insert into persoon (pgn, pgn_soort, geboortedatum, geslacht, achternaam, voorvoegsel, voornamen, "
                    + "straatnaam, huisnummer, huisnummertoevoeging, postcode, woonplaats, landcode, adresregel_buitenland1, "
                    + "adresregel_buitenland2, adresregel_buitenland3, adres_geheim, gewijzigd_op) values (:pgn, :soort, "
                    + ":geboortedatum, :geslacht, :achternaam, :voorvoegsel, :voornamen, :straatnaam, :huisnummer, :toevoeging, "
                    + ":postcode, :woonplaats, :landcode, :regel1, :regel2, :regel3, :geheim, :nu)", w);
        }
        return jdbc.queryForObject("select id from persoon where pgn = :pgn", w, Long.class);
    }

    private void slaOp(long persoonId, Verwerking v, Inschrijving i) {
        MapSqlParameterSource w = new MapSqlParameterSource()
                .addValue("persoon", persoonId)
                .addValue("aanleverpunt", v.getAanleverpuntId())
                .addValue("brin", v.getBrin())
                .addValue("inschrijving", datum(i.getDatumInschrijving()))
                .addValue("uitschrijving", datum(i.getDatumUitschrijving()))
                .addValue("teruggeplaatst", trim(i.getBrinTeruggeplaatsteLeerling()))
                .addValue("nnca", trim(i.getAanduidingNnca()))
                .addValue("nu", Timestamp.from(klok.instant()));
        Long id = bestaande(persoonId, v.getBrin(), datum(i.getDatumInschrijving()));
        if (id == null) {
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
        GROEPEN.forEach((groep, lezer) -> lezer.apply(i).forEach(g -> jdbc.update(
                "insert into inschrijving_groep (inschrijving_id, groep, ingangsdatum, waarde) values (:id, :groep, :ingang, :waarde)",
                new MapSqlParameterSource("id", inschrijvingId).addValue("groep", groep)
                        .addValue("ingang", datum(g.getIngangsdatum())).addValue("waarde", g.getWaarde().trim()))));
        // a re-indication is stored beside the earlier ones, never over them
        i.getIndicatiestelling().forEach(ind -> {
            MapSqlParameterSource p = new MapSqlParameterSource("id", inschrijvingId)
                    .addValue("datum", datum(ind.getDatumIndicatiestelling()))
                    .addValue("soort", ind.getOnderwijssoortIndicatie().trim())
                    .addValue("rec", trim(ind.getBrinRec()))
                    .addValue("cvi", trim(ind.getCviNummer()));
            List<Map<String, Object>> er = jdbc.queryForList("select brin_rec, cvi_nummer from indicatiestelling "
                    + "where inschrijving_id = :id and datum_indicatiestelling = :datum and onderwijssoort_indicatie = :soort", p);
            if (!er.isEmpty()) {
                // the registered indication stands; a different REC or CVI-nummer for it is reported, not taken
                if (!Objects.equals(er.get(0).get("brin_rec"), p.getValue("rec"))) {
                    v.voegToe(catalogus.signaal("771", "BRIN-nummer REC indicatiestelling"));
                }
                if (!Objects.equals(er.get(0).get("cvi_nummer"), p.getValue("cvi"))) {
                    v.voegToe(catalogus.signaal("771", "CVI-nummer"));
                }
            } else {
                jdbc.update("insert into indicatiestelling (inschrijving_id, datum_indicatiestelling, onderwijssoort_indicatie, "
                        + "brin_rec, cvi_nummer) values (:id, :datum, :soort, :rec, :cvi)", p);
            }
        });
        i.getAmbulanteBegeleiding().forEach(ab -> jdbc.update(
                "insert into ambulante_begeleiding (inschrijving_id, ingangsdatum, brin_school) values (:id, :ingang, :brin)",
                new MapSqlParameterSource("id", inschrijvingId).addValue("ingang", datum(ab.getIngangsdatum()))
                        .addValue("brin", ab.getBrinSchool().trim())));
    }

    /** 772 for each registered value a wijzigen replaces with another. */
    private void vergelijk(Verwerking v, long id, Inschrijving nieuw) {
        Map<String, Object> oud = jdbc.queryForMap("select datum_uitschrijving, brin_teruggeplaatst, aanduiding_nnca "
                + "from inschrijving where id = :id", Map.of("id", id));
        anders(v, "772", "datum uitschrijving", oud.get("datum_uitschrijving") == null ? null
                : oud.get("datum_uitschrijving").toString(), datum(nieuw.getDatumUitschrijving()) == null ? null
                : datum(nieuw.getDatumUitschrijving()).toString());
        anders(v, "772", "BRIN-nummer teruggeplaatste leerling", oud.get("brin_teruggeplaatst"), trim(nieuw.getBrinTeruggeplaatsteLeerling()));
        anders(v, "772", "aanduiding NNCA", oud.get("aanduiding_nnca"), trim(nieuw.getAanduidingNnca()));
        Map<String, String> geregistreerd = new java.util.HashMap<>();
        jdbc.query("select groep, ingangsdatum, waarde from inschrijving_groep where inschrijving_id = :id", Map.of("id", id),
                rs -> {
                    geregistreerd.put(rs.getString("groep") + "@" + rs.getDate("ingangsdatum").toLocalDate(), rs.getString("waarde"));
                });
        GROEPEN.forEach((groep, lezer) -> lezer.apply(nieuw).stream()
                .filter(g -> {
                    String was = geregistreerd.get(groep + "@" + datum(g.getIngangsdatum()));
                    return was != null && !was.equals(g.getWaarde().trim());
                })
                .findFirst()
                .ifPresent(g -> v.voegToe(catalogus.signaal("772", LABELS.get(groep)))));
    }

    /** 772 when the school changes the postcode the register holds for the pupil. */
    private void vergelijkPostcode(Verwerking v) {
        String was = jdbc.query("select postcode from persoon where pgn = :pgn", Map.of("pgn", v.getPgn()),
                rs -> rs.next() ? rs.getString(1) : null);
        anders(v, "772", "postcode volgens instelling", was, trim(v.leerling().getPostcode()));
    }

    /** A registered value replaced by another one (filling an empty field replaces nothing). */
    private void anders(Verwerking v, String code, String gegeven, Object geregistreerd, Object nieuw) {
        if (geregistreerd != null && !geregistreerd.equals(nieuw)) {
            v.voegToe(catalogus.signaal(code, gegeven));
        }
    }

    /** Only for a pupil who never attended (handbook 7.6); 304 when there is nothing to delete. */
    private void verwijder(Verwerking v) {
        LocalDate datumInschrijving = datum(v.getBericht().getInschrijving().getDatumInschrijving());
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

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
