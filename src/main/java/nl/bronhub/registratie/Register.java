package nl.bronhub.registratie;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import nl.bronhub.gtb.GtbHerberekening;
import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Correlatie;
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

    private static final String PERSOON_WIJZIGEN = "update persoon set pgn_soort = :soort, geboortedatum = :geboortedatum, "
            + "geslacht = :geslacht, achternaam = :achternaam, voorvoegsel = :voorvoegsel, voornamen = :voornamen, "
            + "straatnaam = :straatnaam, huisnummer = :huisnummer, huisnummertoevoeging = :toevoeging, postcode = :postcode, "
            + "woonplaats = :woonplaats, landcode = :landcode, adresregel_buitenland1 = :regel1, adresregel_buitenland2 = :regel2, "
            + "adresregel_buitenland3 = :regel3, adres_geheim = :geheim, gegevens_brin = :gegevensBrin, gewijzigd_op = :nu where id = :id";
    private static final String PERSOON_TOEVOEGEN = "insert into persoon (pgn, pgn_soort, geboortedatum, geslacht, achternaam, "
            + "voorvoegsel, voornamen, straatnaam, huisnummer, huisnummertoevoeging, postcode, woonplaats, landcode, "
            + "adresregel_buitenland1, adresregel_buitenland2, adresregel_buitenland3, adres_geheim, gegevens_brin, gewijzigd_op) "
            + "values (:pgn, :soort, :geboortedatum, :geslacht, :achternaam, :voorvoegsel, :voornamen, :straatnaam, :huisnummer, "
            + ":toevoeging, :postcode, :woonplaats, :landcode, :regel1, :regel2, :regel3, :geheim, :gegevensBrin, :nu)";
    private static final String INSCHRIJVING_TOEVOEGEN = "insert into inschrijving (persoon_id, aanleverpunt_id, brin, "
            + "datum_inschrijving, datum_uitschrijving, brin_teruggeplaatst, aanduiding_nnca, gewijzigd_op) values (:persoon, "
            + ":aanleverpunt, :brin, :inschrijving, :uitschrijving, :teruggeplaatst, :nnca, :nu)";
    private static final String INSCHRIJVING_WIJZIGEN = "update inschrijving set aanleverpunt_id = :aanleverpunt, "
            + "datum_uitschrijving = :uitschrijving, brin_teruggeplaatst = :teruggeplaatst, aanduiding_nnca = :nnca, "
            + "gewijzigd_op = :nu where id = :id";
    private static final String GROEP_TOEVOEGEN = "insert into inschrijving_groep (inschrijving_id, groep, ingangsdatum, waarde) "
            + "values (:id, :groep, :ingang, :waarde)";
    private static final String INDICATIE_TOEVOEGEN = "insert into indicatiestelling (inschrijving_id, datum_indicatiestelling, "
            + "onderwijssoort_indicatie, brin_rec, cvi_nummer) values (:id, :datum, :soort, :rec, :cvi)";
    private static final String BEGELEIDING_TOEVOEGEN = "insert into ambulante_begeleiding (inschrijving_id, ingangsdatum, brin_school) "
            + "values (:id, :ingang, :brin)";

    /** A bericht of the reeks on its way into the register: the person's row (null until inserted) and its inschrijving's. */
    private static final class Schrijven {
        final Verwerking v;
        final RegisterLezer.Bekend bekend;
        Long persoonId;
        Long inschrijvingId;
        boolean nieuweInschrijving;
        /** A pupil without a BSN whose personal data another school holds: the register keeps them (771). */
        boolean gegevensVanEenAndereSchool;
        List<Indicatiestelling> indicaties = new ArrayList<>();

        Schrijven(Verwerking v, RegisterLezer.Bekend bekend) {
            this.v = v;
            this.bekend = bekend;
            this.persoonId = bekend == null ? null : bekend.id();
        }
    }

    /**
     * Each bericht of the reeks that passed the checks, in order. No pupil is twice in a reeks, so the rows of all its
     * berichten are written together, one JDBC batch per kind of row: persons, inschrijvingen, groups, indications,
     * ambulante begeleiding and the GTB's marks. Each bericht's signals come in the order they did one at a time.
     */
    public void registreerAlle(Reeks reeks) {
        List<Schrijven> werk = new ArrayList<>();
        reeks.elkNietAfgekeurd(v -> {
            if (v.getTeKoppelenOnderwijsnummer() != null) {
                koppel(v.getPgn(), v.getTeKoppelenOnderwijsnummer());
                lezer.gewijzigd(v.getTeKoppelenOnderwijsnummer());
                lezer.gewijzigd(v.getPgn());
            }
            if (v.is(Mutatiesoort.VERWIJDEREN)) {
                verwijder(v);
                return;
            }
            RegisterLezer.Bekend bekend = lezer.bekend(v.getPgn(), v.getBrin());
            lezer.gewijzigd(v.getPgn());
            werk.add(new Schrijven(v, bekend));
        });
        if (werk.isEmpty()) {
            return;
        }
        Timestamp nu = Timestamp.from(klok.instant());
        beoordeelPersoonsgegevens(werk);
        batch(PERSOON_WIJZIGEN, werk.stream().filter(w -> w.persoonId != null && !w.gegevensVanEenAndereSchool)
                .map(w -> persoon(w.v, nu).addValue("id", w.persoonId)).toList());
        List<Schrijven> nieuwePersonen = werk.stream().filter(w -> w.persoonId == null).toList();
        List<Long> persoonIds = toevoegen(PERSOON_TOEVOEGEN, nieuwePersonen.stream().map(w -> persoon(w.v, nu)).toList());
        for (int n = 0; n < nieuwePersonen.size(); n++) {
            nieuwePersonen.get(n).persoonId = persoonIds.get(n);
        }
        // an inschrijving the register holds for this pupil at this school on that date is changed (wijzigen), one by one
        elk(werk, w -> {
            if (w.v.inschrijving() != null) {
                bestaand(w, nu);
            }
        });
        List<Schrijven> nieuweInschrijvingen = werk.stream().filter(w -> w.nieuweInschrijving).toList();
        List<Long> inschrijvingIds = toevoegen(INSCHRIJVING_TOEVOEGEN,
                nieuweInschrijvingen.stream().map(w -> inschrijving(w, nu)).toList());
        for (int n = 0; n < nieuweInschrijvingen.size(); n++) {
            nieuweInschrijvingen.get(n).inschrijvingId = inschrijvingIds.get(n);
        }
        List<MapSqlParameterSource> groepen = new ArrayList<>();
        List<MapSqlParameterSource> indicaties = new ArrayList<>();
        List<MapSqlParameterSource> begeleiding = new ArrayList<>();
        elk(werk, w -> {
            Inschrijving i = w.v.inschrijving();
            // a BSN pupil once registered under the onderwijsnummer this school sent: the register keeps it beside the BSN
            w.v.setGeregistreerd(zoalsOpgeslagen(w.v.getPgn(), w.v.leerling(), w.v.getGekoppeldOnderwijsnummer()),
                    i == null ? null : rijen(w, i, groepen, indicaties, begeleiding));
        });
        batch(GROEP_TOEVOEGEN, groepen);
        batch(INDICATIE_TOEVOEGEN, indicaties);
        batch(BEGELEIDING_TOEVOEGEN, begeleiding);
        GtbHerberekening.markeerAlle(jdbc, werk.stream().map(w -> w.persoonId).toList());
    }

    /** The rows that belong to a person, by the person's id (a fixed list: no value is ever part of the statement). */
    private static final List<String> PERSOON_RIJEN = List.of(
            "update inschrijving set persoon_id = :naar where persoon_id = :van",
            "update uitschrijfbewijs set persoon_id = :naar where persoon_id = :van",
            "update gtb_periode set persoon_id = :naar where persoon_id = :van",
            "update gtb_wijziging set persoon_id = :naar where persoon_id = :van");

    /**
     * A pupil registered under an onderwijsnummer has a BSN now (handbook 7.2.4; Identificatie checked the pair): one
     * person under the BSN from here on, the onderwijsnummer kept beside it (a child may have two, given by two schools).
     * When the BSN's person is registered too (a school that knew the BSN enrolled them), the onderwijsnummer's
     * inschrijvingen and what hangs on them move to it; the GTB counts the pupil again. A school's absence reports and AB
     * list name the BSN instead.
     */
    private void koppel(String bsn, String onderwijsnummer) {
        Long van = jdbc.query("select id from persoon where pgn = :n and pgn_soort = 'ONDERWIJSNUMMER' for update",
                Map.of("n", onderwijsnummer), rs -> rs.next() ? rs.getLong(1) : null);
        if (van == null) {
            // another instance or aanleverpunt linked it after Identificatie looked: the reeks goes again and looks anew
            throw new IllegalStateException("the onderwijsnummer was linked meanwhile");
        }
        Long naar = jdbc.query("select id from persoon where pgn = :bsn for update", Map.of("bsn", bsn),
                rs -> rs.next() ? rs.getLong(1) : null);
        if (naar == null) {
            jdbc.update("update persoon set pgn = :bsn, pgn_soort = 'BSN' where id = :id", Map.of("bsn", bsn, "id", van));
            naar = van;
        } else {
            Map<String, Long> ids = Map.of("van", van, "naar", naar);
            PERSOON_RIJEN.forEach(sql -> jdbc.update(sql, ids));
            jdbc.update("delete from persoon where id = :van", ids);
        }
        jdbc.update("insert into persoon_onderwijsnummer (onderwijsnummer, persoon_id) values (:n, :id)",
                Map.of("n", onderwijsnummer, "id", naar));
        Map<String, String> nummers = Map.of("bsn", bsn, "n", onderwijsnummer);
        jdbc.update("update verzuimmelding set pgn = :bsn where pgn = :n and not exists (select 1 from verzuimmelding w "
                + "where w.brin = verzuimmelding.brin and w.schooljaar = verzuimmelding.schooljaar and w.pgn = :bsn)", nummers);
        jdbc.update("delete from verzuimmelding where pgn = :n", nummers);
        jdbc.update("update ab_opgave set pgn = :bsn where pgn = :n and not exists (select 1 from ab_opgave w "
                + "where w.brin_school = ab_opgave.brin_school and w.brin_wec = ab_opgave.brin_wec and w.pgn = :bsn)", nummers);
        jdbc.update("delete from ab_opgave where pgn = :n", nummers);
        GtbHerberekening.markeerAlle(jdbc, List.of(naar));
    }

    /** Ambulante begeleiding left out: the coaching school is not the pupil's school. */
    private static final String HERKOMST = "select p.id, p.gegevens_brin, i.brin, i.datum_inschrijving from persoon p "
            + "left join inschrijving i on i.persoon_id = p.id "
            + "and not exists (select 1 from ambulante_begeleiding ab where ab.inschrijving_id = i.id) where p.id in (:ids) order by p.id, i.id";

    /** Where a registered pupil's personal data may come from: the school that wrote them last, and every inschrijving. */
    public record Herkomst(String gegevensBrin, List<Map.Entry<String, LocalDate>> inschrijvingen) {
    }

    /**
     * A pupil without a BSN has the personal data their schools send (a BSN pupil's come from the GBA), and any school can
     * find such a pupil (756: surname, birth date and sex). So only the school of the pupil's latest inschrijving (this
     * bericht's included, the first registered of a day; never ambulante begeleiding, which any school could register) changes them, or, while no school has one, the school that sent them last. For any other school
     * the register keeps its data, and to one the pupil is enrolled at each field the school filled in otherwise is 771; the terugkoppeling repeats what
     * the school sent, not the register's data. Where the data change, a replaced postcode is 772.
     */
    private void beoordeelPersoonsgegevens(List<Schrijven> werk) {
        List<Long> zonderBsn = werk.stream().filter(w -> w.bekend != null && !w.v.getPgn().equals(w.v.leerling().bsn()))
                .map(w -> w.persoonId).toList();
        Map<Long, Herkomst> herkomst = new HashMap<>();
        if (!zonderBsn.isEmpty()) {
            jdbc.query(HERKOMST, Map.of("ids", zonderBsn), rs -> {
                Herkomst h = herkomst.get(rs.getLong(1));
                if (h == null) {
                    h = new Herkomst(rs.getString(2), new ArrayList<>());
                    herkomst.put(rs.getLong(1), h);
                }
                if (rs.getString(3) != null) {
                    h.inschrijvingen().add(Map.entry(rs.getString(3), rs.getDate(4).toLocalDate()));
                }
            });
        }
        elk(werk, w -> {
            if (w.bekend == null) {
                return;
            }
            Herkomst h = herkomst.get(w.persoonId);
            Inschrijving eigen = w.v.inschrijving();
            LocalDate eigenInschrijving = eigen == null || eigen.isAmbulanteBegeleiding() ? null : eigen.datumInschrijving();
            if (h != null && !magPersoonsgegevensWijzigen(w.v.getBrin(), eigenInschrijving, h)) {
                w.gegevensVanEenAndereSchool = true;
                // only to a school the pupil is enrolled at (or whose data they are), as 793: to any other, 771 field by
                // field would tell what the register holds of a pupil it need only know by surname, birth date and sex
                if (w.bekend.vanSchool(w.v.getBrin())) {
                    verschillen(w.v, lezer.persoon(w.v.getPgn()));
                }
            } else if (h == null || w.v.getBrin().equals(h.gegevensBrin())) {
                // 772 for each value of the pupil's data the school's replace (an emptied one too): a LAS that changed a
                // surname or a street heard nothing of it, only of a postcode. Only to the school the data came from (or,
                // for a BSN pupil, the GBA): a school that takes them over by enrolling the pupil from a later date would
                // learn, field by field, which of its guesses the register held (a hostile LAS's finding)
                Leerling nieuw = w.v.leerling();
                PERSOONSVELDEN.forEach((gegeven, veld) -> anders(w.v, "772", gegeven, veld.apply(w.bekend.persoon()), veld.apply(nieuw)));
            }
        });
    }

    /**
     * Whether the school {@code afzender} may change a pupil's personal data: it has the pupil's latest inschrijving
     * ({@code eigenInschrijving}, this bericht's, counts with the registered ones), or no school has one and the data are
     * its own (or from before the register kept whose they are). Of two on the same day the one registered first counts
     * ({@code h.inschrijvingen} in the order they were registered; this bericht's comes after them): a second school
     * enrolling the pupil on the same day, or ending a made-up enrolment of that day, does not take the data over.
     */
    public static boolean magPersoonsgegevensWijzigen(String afzender, LocalDate eigenInschrijving, Herkomst h) {
        LocalDate laatste = null;
        String van = null;
        for (Map.Entry<String, LocalDate> i : h.inschrijvingen()) {
            if (laatste == null || i.getValue().isAfter(laatste)) {
                laatste = i.getValue();
                van = i.getKey();
            }
        }
        if (eigenInschrijving != null && (laatste == null || eigenInschrijving.isAfter(laatste))) {
            return true;
        }
        if (laatste == null) {
            return h.gegevensBrin() == null || h.gegevensBrin().equals(afzender);
        }
        return van.equals(afzender);
    }

    /** 771 for each field the school filled in that the register holds otherwise (letters' case aside). */
    /** The pupil's data a school sends and the register keeps, by the name the signals give them. */
    private static final Map<String, Function<Leerling, String>> PERSOONSVELDEN = persoonsvelden();

    private static Map<String, Function<Leerling, String>> persoonsvelden() {
        Map<String, Function<Leerling, String>> velden = new LinkedHashMap<>();
        velden.put("achternaam", Leerling::achternaam);
        velden.put("voorvoegsel", Leerling::voorvoegsel);
        velden.put("voornamen", Leerling::voornamen);
        velden.put("straatnaam", Leerling::straatnaam);
        velden.put("huisnummer", Leerling::huisnummer);
        velden.put("huisnummertoevoeging", Leerling::huisnummertoevoeging);
        velden.put("postcode volgens instelling", Leerling::postcode);
        velden.put("woonplaats", Leerling::woonplaats);
        velden.put("landcode", Leerling::landcode);
        velden.put("adresregel buitenland 1", Leerling::adresregelBuitenland1);
        velden.put("adresregel buitenland 2", Leerling::adresregelBuitenland2);
        velden.put("adresregel buitenland 3", Leerling::adresregelBuitenland3);
        return Collections.unmodifiableMap(velden);
    }

    private void verschillen(Verwerking v, Leerling geregistreerd) {
        Leerling p = v.leerling();
        PERSOONSVELDEN.forEach((gegeven, veld) -> verschil(v, gegeven, veld.apply(p), veld.apply(geregistreerd)));
    }

    private void verschil(Verwerking v, String gegeven, String verzonden, String geregistreerd) {
        if (verzonden != null && !verzonden.equalsIgnoreCase(geregistreerd == null ? "" : geregistreerd)) {
            v.voegToe(catalogus.signaal("771", gegeven));
        }
    }

    /** Each bericht in the reeks's order, with its correlation id in the log lines written meanwhile. */
    private static void elk(List<Schrijven> werk, Consumer<Schrijven> stap) {
        for (Schrijven w : werk) {
            try (var correlatie = Correlatie.bericht(w.v.getBerichtId())) {
                stap.accept(w);
            }
        }
    }

    /**
     * The person as the register now holds them: the pgn in its own column (BSN or onderwijsnummer), and beside a BSN the
     * linked onderwijsnummer this school sent.
     */
    private static Leerling zoalsOpgeslagen(String pgn, Leerling p, String onderwijsnummerBijBsn) {
        boolean bsn = pgn.equals(p.bsn());
        return new Leerling(bsn ? pgn : null, bsn ? onderwijsnummerBijBsn : pgn, p.geboortedatum(), p.geslacht(), p.achternaam(),
                p.voorvoegsel(), p.voornamen(), p.straatnaam(), p.huisnummer(), p.huisnummertoevoeging(), p.postcode(), p.woonplaats(),
                p.landcode(), p.adresregelBuitenland1(), p.adresregelBuitenland2(), p.adresregelBuitenland3(), p.adresGeheim());
    }

    private static MapSqlParameterSource persoon(Verwerking v, Timestamp nu) {
        String pgn = v.getPgn();
        Leerling p = v.leerling();
        return new MapSqlParameterSource()
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
                .addValue("gegevensBrin", v.getBrin())
                .addValue("nu", nu);
    }

    private static MapSqlParameterSource inschrijving(Schrijven w, Timestamp nu) {
        Inschrijving i = w.v.inschrijving();
        return new MapSqlParameterSource()
                .addValue("persoon", w.persoonId)
                .addValue("aanleverpunt", w.v.getAanleverpuntId())
                .addValue("brin", w.v.getBrin())
                .addValue("inschrijving", i.datumInschrijving())
                .addValue("uitschrijving", i.datumUitschrijving())
                .addValue("teruggeplaatst", i.brinTeruggeplaatsteLeerling())
                .addValue("nnca", i.aanduidingNnca())
                .addValue("nu", nu);
    }

    /**
     * The inschrijving the register holds for this pupil at this school on the bericht's datum inschrijving is changed
     * (wijzigen: the LAS sends the enrolment as it now stands, so its groups replace the stored ones); without one, it is
     * new and inserted with the others.
     */
    private void bestaand(Schrijven w, Timestamp nu) {
        Inschrijving i = w.v.inschrijving();
        // only when the register held the pupil with an inschrijving at this school on that date is there one to look up
        boolean misschienBestaand = w.bekend != null
                && w.bekend.inschrijvingen().stream().anyMatch(p -> p.inschrijving().equals(i.datumInschrijving()));
        Long id = misschienBestaand ? bestaande(w.persoonId, w.v.getBrin(), i.datumInschrijving()) : null;
        if (id == null) {
            w.nieuweInschrijving = true;
            return;
        }
        w.inschrijvingId = id;
        vergelijk(w.v, id, i);
        jdbc.update(INSCHRIJVING_WIJZIGEN, inschrijving(w, nu).addValue("id", id));
        jdbc.update("delete from inschrijving_groep where inschrijving_id = :id", Map.of("id", id));
        jdbc.update("delete from ambulante_begeleiding where inschrijving_id = :id", Map.of("id", id));
        // a re-indication is stored beside the earlier ones, never over them
        w.indicaties = jdbc.query("select datum_indicatiestelling, onderwijssoort_indicatie, brin_rec, cvi_nummer "
                + "from indicatiestelling where inschrijving_id = :id", Map.of("id", id), (rs, n) ->
                new Indicatiestelling(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** The inschrijving's groups, new indications and ambulante begeleiding as rows; returns it as the register now holds it. */
    private Inschrijving rijen(Schrijven w, Inschrijving i, List<MapSqlParameterSource> groepen,
            List<MapSqlParameterSource> nieuweIndicaties, List<MapSqlParameterSource> begeleiding) {
        Verwerking v = w.v;
        long inschrijvingId = w.inschrijvingId;
        v.setInschrijving(w.persoonId, inschrijvingId);
        Map<Groep, List<Voorkomen>> opgeslagen = new EnumMap<>(Groep.class);
        for (Groep groep : Groep.values()) {
            i.groep(groep).forEach(g -> groepen.add(new MapSqlParameterSource("id", inschrijvingId).addValue("groep", groep.opslag())
                    .addValue("ingang", g.ingangsdatum()).addValue("waarde", g.waarde())));
            opgeslagen.put(groep, i.groep(groep).stream().sorted(Comparator.comparing(Voorkomen::ingangsdatum)).toList());
        }
        List<Indicatiestelling> indicaties = w.indicaties;
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
        i.ambulanteBegeleiding().forEach(ab -> begeleiding.add(new MapSqlParameterSource("id", inschrijvingId)
                .addValue("ingang", ab.ingangsdatum()).addValue("brin", ab.brinSchool())));
        return new Inschrijving(i.datumInschrijving(), i.datumUitschrijving(), i.brinTeruggeplaatsteLeerling(), i.aanduidingNnca(),
                opgeslagen, indicaties.stream().sorted(Comparator.comparing(Indicatiestelling::datum)).toList(),
                i.ambulanteBegeleiding().stream().sorted(Comparator.comparing(AmbulanteBegeleiding::ingangsdatum)).toList());
    }

    /** Inserts the rows in one JDBC batch and returns their generated ids, in the rows' order. */
    private List<Long> toevoegen(String sql, List<MapSqlParameterSource> rijen) {
        if (rijen.isEmpty()) {
            return List.of();
        }
        GeneratedKeyHolder sleutels = new GeneratedKeyHolder();
        jdbc.batchUpdate(sql, rijen.toArray(MapSqlParameterSource[]::new), sleutels, new String[] {"id"});
        List<Long> ids = sleutels.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
        if (ids.size() != rijen.size()) {
            // never guess which row got which id: the reeks is rolled back and its berichten go one by one
            throw new IllegalStateException("the database returned " + ids.size() + " generated ids for " + rijen.size() + " rows");
        }
        return ids;
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
        Map<String, Map<LocalDate, String>> geregistreerd = new HashMap<>();
        jdbc.query("select groep, ingangsdatum, waarde from inschrijving_groep where inschrijving_id = :id", Map.of("id", id),
                rs -> {
                    geregistreerd.computeIfAbsent(rs.getString("groep"), g -> new HashMap<>())
                            .put(rs.getDate("ingangsdatum").toLocalDate(), rs.getString("waarde"));
                });
        for (Groep groep : Groep.values()) {
            Map<LocalDate, String> perioden = geregistreerd.getOrDefault(groep.opslag(), Map.of());
            Map<LocalDate, String> nieuwePerioden = new HashMap<>();
            nieuw.groep(groep).forEach(g -> nieuwePerioden.put(g.ingangsdatum(), g.waarde()));
            // a period given another value, or left out (the bericht's groups replace the registered ones: a period it
            // leaves out is removed, and a LAS heard nothing of that)
            boolean vervangen = perioden.entrySet().stream().anyMatch(p -> !p.getValue().equals(nieuwePerioden.get(p.getKey())));
            if (vervangen) {
                v.voegToe(catalogus.signaal("772", groep.naam()));
            }
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
