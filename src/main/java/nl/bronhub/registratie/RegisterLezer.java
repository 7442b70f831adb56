package nl.bronhub.registratie;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.model.AmbulanteBegeleiding;
import nl.bronhub.model.Groep;
import nl.bronhub.model.Indicatiestelling;
import nl.bronhub.model.Inschrijving;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Voorkomen;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.verwerking.Werkvoorraad;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reads what the register now holds, as the typed model (for rules, terugkoppelingen and overviews). */
@Component
public class RegisterLezer {

    private final NamedParameterJdbcTemplate jdbc;

    public RegisterLezer(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A pupil the register holds: the person's row id, the personal data it holds, the school that wrote them last, and
     * their inschrijvingen at one school.
     */
    public record Bekend(long id, Leerling persoon, String gegevensBrin, List<Periode> inschrijvingen) {

        /** Whether the pupil is the school's own: enrolled there (now or before), or their data came from it. */
        public boolean vanSchool(String brin) {
            return !inschrijvingen.isEmpty() || brin.equals(gegevensBrin);
        }
    }

    /**
     * What the register holds about a reeks's pupils (by the number they were sent with) at the reeks's school, read in
     * one query when the reeks's transaction begins, and bound to that transaction. A pupil's entry holds until the
     * register stage writes them ({@link #gewijzigd}); pupils sent without a number are not in it.
     */
    private record Stand(String brin, Map<String, Bekend> bekend, Set<String> gevraagd, Set<String> gewijzigd) {

        /** The entry for this pupil at this school, if the stand may answer: null when it may not. */
        Optional<Bekend> antwoord(String pgn, String school) {
            if (pgn == null || !brin.equals(school) || !gevraagd.contains(pgn) || gewijzigd.contains(pgn)) {
                return null;
            }
            return Optional.ofNullable(bekend.get(pgn));
        }
    }

    private static final Object STAND = new Object();

    /**
     * Route verwerk-reeks, at the start of its transaction: the register's state of the reeks's pupils, so that the
     * rules and the register stage need not each ask for it per bericht.
     */
    public void leesVoor(Reeks reeks) {
        // linked since the reeks was formed (a bericht before it in this poll sent both numbers): judged as the BSN's too
        koppelingen(reeks.getBerichten());
        onderwijsnummersBijBsn(reeks.getBerichten());
        if (!TransactionSynchronizationManager.isSynchronizationActive() || reeks.getBerichten().isEmpty()) {
            return;
        }
        String brin = reeks.getBerichten().get(0).getBrin();
        Set<String> pgns = new HashSet<>();
        reeks.getBerichten().forEach(v -> {
            if (v.getPgn() != null) {
                pgns.add(v.getPgn());
            }
        });
        Map<String, Bekend> bekend = new HashMap<>();
        if (!pgns.isEmpty()) {
            jdbc.query("select p.*, i.datum_inschrijving as ingeschreven, i.datum_uitschrijving as uitgeschreven from persoon p "
                    + "left join inschrijving i on i.persoon_id = p.id and i.brin = :brin where p.pgn in (:pgns)",
                    new MapSqlParameterSource("brin", brin).addValue("pgns", pgns), rs -> {
                        Bekend b = bekend.computeIfAbsent(rs.getString("pgn"), k -> {
                            try {
                                return new Bekend(rs.getLong("id"), persoon(rs), rs.getString("gegevens_brin"), new ArrayList<>());
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        if (rs.getDate("ingeschreven") != null) {
                            b.inschrijvingen().add(new Periode(rs.getDate("ingeschreven").toLocalDate(), datum(rs.getDate("uitgeschreven"))));
                        }
                    });
        }
        Stand stand = new Stand(brin, bekend, pgns, new HashSet<>());
        TransactionSynchronizationManager.unbindResourceIfPossible(STAND);
        TransactionSynchronizationManager.bindResource(STAND, stand);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(STAND);
            }
        });
    }

    /**
     * Route verwerk-aanleverpunt, before the reeksen are formed (no lock held): of the pupils sent with an onderwijsnummer
     * alone, those the register has since linked to a BSN (a LAS sent both, handbook 7.2.4), in one query. They are
     * judged as that BSN's pupil; Identificatie checks the link again in the transaction.
     */
    public void koppelingenAlle(Werkvoorraad werkvoorraad) {
        koppelingen(werkvoorraad.getBerichten());
    }

    private void koppelingen(List<Verwerking> berichten) {
        Map<String, List<Verwerking>> perNummer = new HashMap<>();
        for (Verwerking v : berichten) {
            Leerling p = v.leerling();
            if (p.bsn() == null && p.onderwijsnummer() != null && v.getGekoppeldBsn() == null) {
                perNummer.computeIfAbsent(p.onderwijsnummer(), k -> new ArrayList<>()).add(v);
            }
        }
        if (perNummer.isEmpty()) {
            return;
        }
        jdbc.query("select p.pgn, o.onderwijsnummer from persoon_onderwijsnummer o join persoon p on p.id = o.persoon_id "
                        + "where o.onderwijsnummer in (:nummers)",
                Map.of("nummers", perNummer.keySet()), rs -> {
                    String bsn = rs.getString("pgn");
                    perNummer.get(rs.getString("onderwijsnummer")).forEach(v -> v.setGekoppeldBsn(bsn));
                });
    }

    /**
     * Of the berichten that send an onderwijsnummer beside the BSN: could it be this pupil's ({@link Houder#kanZijnVan})?
     * Where it cannot, Identificatie answers 752, and the rules before it do not compare with that other child's
     * enrolments (Verwerking.registerNummers). One query for the reeks.
     */
    private void onderwijsnummersBijBsn(List<Verwerking> berichten) {
        Map<String, List<Verwerking>> perNummer = new HashMap<>();
        for (Verwerking v : berichten) {
            Leerling p = v.leerling();
            if (p.bsn() != null && p.onderwijsnummer() != null && !p.onderwijsnummer().equals(v.getPgn())) {
                perNummer.computeIfAbsent(p.onderwijsnummer(), k -> new ArrayList<>()).add(v);
            }
        }
        if (perNummer.isEmpty()) {
            return;
        }
        Map<String, Houder> houders = houders(perNummer.keySet());
        perNummer.forEach((nummer, lijst) -> {
            Houder h = houders.get(nummer);
            lijst.forEach(v -> v.setOnderwijsnummerPast(h != null && h.kanZijnVan(v.leerling())));
        });
    }

    /**
     * The person the register holds an onderwijsnummer for: under it, or, when the pupil has since got a BSN, under the
     * BSN with the onderwijsnummer beside it (then {@code pgn} is the BSN and {@code gekoppeld} is true).
     */
    public record Houder(long id, String pgn, boolean gekoppeld, LocalDate geboortedatum, String geslacht) {

        /** Sent with the onderwijsnummer alone: the register's pupil of this birth date and sex. */
        public boolean past(Leerling p) {
            return p.geboortedatum().equals(geboortedatum) && p.geslacht().equals(geslacht);
        }

        /** Sent beside a BSN: the same, and linked to no other BSN. */
        public boolean kanZijnVan(Leerling p) {
            return past(p) && (!gekoppeld || pgn.equals(p.bsn()));
        }
    }

    /** The holder of this onderwijsnummer as the database has it now; null when the register gave no such number. */
    public Houder houder(String onderwijsnummer) {
        return houders(Set.of(onderwijsnummer)).get(onderwijsnummer);
    }

    private Map<String, Houder> houders(Set<String> nummers) {
        Map<String, Houder> houders = new HashMap<>();
        jdbc.query("select pgn as nummer, id, pgn, geboortedatum, geslacht, 0 as gekoppeld from persoon "
                        + "where pgn in (:nummers) and pgn_soort = 'ONDERWIJSNUMMER' "
                        + "union all select o.onderwijsnummer, p.id, p.pgn, p.geboortedatum, p.geslacht, 1 from persoon_onderwijsnummer o "
                        + "join persoon p on p.id = o.persoon_id where o.onderwijsnummer in (:nummers)",
                Map.of("nummers", nummers), rs -> {
                    houders.putIfAbsent(rs.getString("nummer"), new Houder(rs.getLong("id"), rs.getString("pgn"),
                            rs.getInt("gekoppeld") == 1, rs.getDate("geboortedatum").toLocalDate(), rs.getString("geslacht")));
                });
        return houders;
    }

    /** The register stage is about to write this pupil: from now on the database answers for them. */
    public void gewijzigd(String pgn) {
        if (stand() != null && pgn != null) {
            stand().gewijzigd().add(pgn);
        }
    }

    private static Stand stand() {
        return (Stand) TransactionSynchronizationManager.getResource(STAND);
    }

    /** The pupil the register holds under this number, with their inschrijvingen at this school; null when none. */
    public Bekend bekend(String pgn, String brin) {
        Stand stand = stand();
        Optional<Bekend> uitStand = stand == null ? null : stand.antwoord(pgn, brin);
        if (uitStand != null) {
            return uitStand.orElse(null);
        }
        Bekend b = jdbc.query("select * from persoon where pgn = :pgn", Map.of("pgn", pgn),
                rs -> rs.next() ? new Bekend(rs.getLong("id"), persoon(rs), rs.getString("gegevens_brin"), new ArrayList<>()) : null);
        if (b != null) {
            b.inschrijvingen().addAll(inschrijvingenInDeDatabank(pgn, brin));
        }
        return b;
    }

    /**
     * Whether the personal data the register holds of this pupil are the school's to see in full: always for a BSN
     * pupil (the GBA's), and for a pupil without one only for the school that may change them (Register's rule: the
     * latest inschrijving, or while none, the school that sent them). Any other school that registered the pupil
     * (perhaps having found them by surname, birth date and sex alone) would otherwise read another school's name
     * and address.
     */
    public boolean persoonsgegevensVan(String pgn, String brin) {
        List<Map<String, Object>> rijen = jdbc.queryForList("select p.pgn_soort, p.gegevens_brin, i.brin, i.datum_inschrijving from persoon p "
                + "left join inschrijving i on i.persoon_id = p.id "
                + "and not exists (select 1 from ambulante_begeleiding ab where ab.inschrijving_id = i.id) where p.pgn = :pgn order by i.id",
                Map.of("pgn", pgn));
        if (rijen.isEmpty() || "BSN".equals(rijen.get(0).get("pgn_soort"))) {
            return true;
        }
        List<Map.Entry<String, LocalDate>> inschrijvingen = new ArrayList<>();
        for (Map<String, Object> r : rijen) {
            if (r.get("brin") != null) {
                inschrijvingen.add(Map.entry((String) r.get("brin"), ((Date) r.get("datum_inschrijving")).toLocalDate()));
            }
        }
        return Register.magPersoonsgegevensWijzigen(brin, null, new Register.Herkomst((String) rijen.get(0).get("gegevens_brin"),
                inschrijvingen));
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
        Stand stand = stand();
        Optional<Bekend> uitStand = stand == null ? null : stand.antwoord(pgn, brin);
        if (uitStand != null && uitStand.map(b -> b.inschrijvingen().stream().noneMatch(p -> p.inschrijving().equals(datumInschrijving)))
                .orElse(true)) {
            return null; // the reeks's stand says there is none
        }
        Long id = jdbc.query("select i.id from inschrijving i join persoon p on p.id = i.persoon_id "
                        + "where p.pgn = :pgn and i.brin = :brin and i.datum_inschrijving = :d",
                Map.of("pgn", pgn, "brin", brin, "d", datumInschrijving), rs -> rs.next() ? rs.getLong(1) : null);
        return id == null ? null : inschrijving(id);
    }

    /** The inschrijving the register holds under the first of these numbers that has one (Verwerking.registerNummers). */
    public Inschrijving inschrijving(List<String> nummers, String brin, LocalDate datumInschrijving) {
        for (String pgn : nummers) {
            Inschrijving i = inschrijving(pgn, brin, datumInschrijving);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /** A period of enrolment, for comparing enrolments of one pupil. */
    public record Periode(LocalDate inschrijving, LocalDate uitschrijving) {

        public boolean overlaptMet(LocalDate van, LocalDate tot) {
            return (uitschrijving == null || !van.isAfter(uitschrijving)) && (tot == null || !tot.isBefore(inschrijving));
        }
    }

    /** The pupil's enrolments at this school. */
    public List<Periode> inschrijvingen(String pgn, String brin) {
        Stand stand = stand();
        Optional<Bekend> uitStand = stand == null ? null : stand.antwoord(pgn, brin);
        if (uitStand != null) {
            return uitStand.map(Bekend::inschrijvingen).orElse(List.of());
        }
        return inschrijvingenInDeDatabank(pgn, brin);
    }

    private List<Periode> inschrijvingenInDeDatabank(String pgn, String brin) {
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
