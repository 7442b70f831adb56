package nl.bronhub.registratie;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.bronhub.ConfigLezer;
import nl.bronhub.OngeldigeInvoer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.bronhub.aanlevering.Aanleverpunten;
import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.planning.Planning;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aanleverpunt registry: seeded from config/aanleverpunten.yaml at start (only aanleverpunten
 * without registry data yet), maintained through the operator API. Bad input changes nothing.
 * A seed entry may date its wachtwoordbrief relative to the start that takes it in
 * (wachtwoordbriefDagenVoorEersteStart), so a demo's first start always shows a phase under way; the
 * date is resolved then and stored, so later starts keep it.
 */
@Component
@Order(100)
public class AanleverpuntRegister implements ApplicationRunner {

    /**
     * An aanleverpunt with its registry data, as the operator API shows it; certificaatGetestOp is its
     * first successful fetch (null: its certificate is not tested yet).
     */
    public record Aanleverpunt(String brin, String aanleverpuntnummer, AanleverpuntGegevens gegevens, Instant certificaatGetestOp) {
    }

    record Seed(String brin, String aanleverpuntnummer, String las, String contactpersoon, String gemachtigdeNaam,
                String gemachtigdeEmail, LocalDate wachtwoordbriefDatum, Integer wachtwoordbriefDagenVoorEersteStart,
                Integer normLeerlingen, Integer normAbLeerlingen, String bestuurNaam, String bestuurEmail, String bestuurNummer) {

        /** The wachtwoordbrief date: a fixed one, or so many days before today (the start that takes the seed in). */
        LocalDate wachtwoordbrief(Clock klok) {
            if (wachtwoordbriefDagenVoorEersteStart == null) {
                return wachtwoordbriefDatum;
            }
            if (wachtwoordbriefDatum != null) {
                throw new OngeldigeInvoer("wachtwoordbriefDatum en wachtwoordbriefDagenVoorEersteStart samen: kies er een");
            }
            return LocalDate.now(klok).minusDays(wachtwoordbriefDagenVoorEersteStart);
        }
    }

    record SeedBestand(List<Seed> aanleverpunten) {
    }


    private final NamedParameterJdbcTemplate jdbc;
    private final Aanleverpunten aanleverpunten;
    private final Instellingen instellingen;
    private final Validator validator;
    private final ConfigLezer config;
    private final Clock klok;
    private final String seedBestand;
    private final Planning planning;
    private final ApplicationEventPublisher gebeurtenissen;
    private final TransactionTemplate transactie;

    /** No aanleverpunt names this bestuur any more: its portal account goes (named again, it needs a new letter). */
    public record BestuurZonderScholen(String nummer) {
    }

    public AanleverpuntRegister(NamedParameterJdbcTemplate jdbc, Aanleverpunten aanleverpunten, Instellingen instellingen,
                                Validator validator, ConfigLezer config, Clock klok,
                                AanleverpuntEigenschappen eigenschappen, Planning planning, ApplicationEventPublisher gebeurtenissen,
                                TransactionTemplate transactie) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.gebeurtenissen = gebeurtenissen;
        this.planning = planning;
        this.aanleverpunten = aanleverpunten;
        this.instellingen = instellingen;
        this.validator = validator;
        this.config = config;
        this.klok = klok;
        this.seedBestand = eigenschappen.bestand();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Seed s : config.lees(seedBestand, SeedBestand.class, "Aanleverpunt seed").aanleverpunten()) {
            AanleverpuntGegevens g;
            try {
                g = new AanleverpuntGegevens(s.las(), s.contactpersoon(), s.gemachtigdeNaam(), s.gemachtigdeEmail(),
                        s.wachtwoordbrief(klok), s.normLeerlingen(), s.normAbLeerlingen(), s.bestuurNaam(), s.bestuurEmail(), s.bestuurNummer());
                controleer(s.brin(), s.aanleverpuntnummer(), g);
            } catch (OngeldigeInvoer e) {
                throw new IllegalStateException("Aanleverpunt seed " + seedBestand + ": " + s.brin() + "/" + s.aanleverpuntnummer()
                        + ": " + e.getMessage());
            }
            long id = aanleverpunten.id(s.brin(), s.aanleverpuntnummer());
            Integer leeg = jdbc.queryForObject("select count(*) from aanleverpunt where id = :id and gegevens_bijgewerkt_op is null",
                    Map.of("id", id), Integer.class);
            if (leeg > 0) {
                schrijf(id, g);
            }
        }
    }

    /** An aanleverpunt's row with its certificate test, which lives in a table of its own (V16). */
    private static final String ALLES = "select a.*, c.getest_op from aanleverpunt a left join certificaattest c on c.aanleverpunt_id = a.id ";

    public List<Aanleverpunt> alle() {
        return jdbc.query(ALLES + "order by brin, aanleverpuntnummer", Map.of(), (rs, n) -> lees(rs));
    }

    public List<Aanleverpunt> vanSchool(String brin) {
        return jdbc.query(ALLES + "where brin = :brin order by aanleverpuntnummer", Map.of("brin", brin),
                (rs, n) -> lees(rs));
    }

    public Optional<Aanleverpunt> zoek(String brin, String aanleverpuntnummer) {
        return jdbc.query(ALLES + "where brin = :brin and aanleverpuntnummer = :nummer",
                Map.of("brin", brin, "nummer", aanleverpuntnummer), (rs, n) -> lees(rs)).stream().findFirst();
    }

    /** The schools (BRIN) with an aanleverpunt that names this bestuursnummer: the board's dashboard. */
    public List<String> scholenVanBestuur(String bestuurNummer) {
        return jdbc.queryForList("select distinct brin from aanleverpunt where bestuur_nummer = :nummer order by brin",
                Map.of("nummer", bestuurNummer), String.class);
    }

    /** A board as the aanleverpunten name it: its number, its name (the first school's spelling) and its schools. */
    public record Bestuur(String nummer, String naam, List<String> scholen) {
    }

    public List<Bestuur> besturen() {
        return besturen(jdbc.query("select bestuur_nummer, brin, bestuur_naam from aanleverpunt where bestuur_nummer is not null "
                + "order by brin, aanleverpuntnummer", Map.of(), AanleverpuntRegister::bestuurRij));
    }

    /** One board, read alone (a page view of its dashboard); empty when no aanleverpunt names it. */
    public Optional<Bestuur> bestuur(String nummer) {
        return besturen(jdbc.query("select bestuur_nummer, brin, bestuur_naam from aanleverpunt where bestuur_nummer = :nummer "
                + "order by brin, aanleverpuntnummer", Map.of("nummer", nummer), AanleverpuntRegister::bestuurRij)).stream().findFirst();
    }

    private static String[] bestuurRij(ResultSet rs, int rij) throws SQLException {
        return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
    }

    private static List<Bestuur> besturen(List<String[]> rijen) {
        Map<String, List<String[]>> perNummer = new TreeMap<>();
        rijen.forEach(r -> perNummer.computeIfAbsent(r[0], n -> new ArrayList<>()).add(r));
        return perNummer.entrySet().stream().map(e -> new Bestuur(e.getKey(),
                e.getValue().stream().map(r -> r[2]).filter(Objects::nonNull).findFirst().orElse(null),
                e.getValue().stream().map(r -> r[1]).distinct().toList())).toList();
    }

    /**
     * Changes an existing aanleverpunt's data by {@code wijziging} (given the data as they are), with its row locked from
     * the read to the write: two changes at once (an operator's PATCH, a school's form) each keep the other's fields (a
     * hostile operator found one of two PATCHes at once undone, both answered 200). Empty when there is no such
     * aanleverpunt; refused input changes nothing.
     */
    public Optional<Aanleverpunt> wijzig(String brin, String aanleverpuntnummer, UnaryOperator<AanleverpuntGegevens> wijziging) {
        return transactie.execute(status -> {
            slot();
            if (jdbc.queryForList("select id from aanleverpunt where brin = :brin and aanleverpuntnummer = :nummer for update",
                    Map.of("brin", String.valueOf(brin), "nummer", String.valueOf(aanleverpuntnummer)), Long.class).isEmpty()) {
                return Optional.<Aanleverpunt>empty();
            }
            AanleverpuntGegevens nu = zoek(brin, aanleverpuntnummer).orElseThrow().gegevens();
            return Optional.of(slaOpInSlot(brin, aanleverpuntnummer, wijziging.apply(nu)));
        });
    }

    /**
     * Every write of registry data holds this lock from its first read to its commit, taken before the aanleverpunt's row
     * lock (wijzig): the one-board check reads the school's other aanleverpunten, which a PUT at the same moment may be
     * making (V35).
     */
    private void slot() {
        jdbc.queryForList("select id from aanleverpunt_slot where id = 1 for update", Map.of());
    }

    /** Creates or replaces the registry data of an aanleverpunt; refused input changes nothing. */
    public Aanleverpunt slaOp(String brin, String aanleverpuntnummer, AanleverpuntGegevens gegevens) {
        return transactie.execute(status -> {
            slot();
            return slaOpInSlot(brin, aanleverpuntnummer, gegevens);
        });
    }

    private Aanleverpunt slaOpInSlot(String brin, String aanleverpuntnummer, AanleverpuntGegevens gegevens) {
        Instelling school = controleer(brin, aanleverpuntnummer, gegevens);
        Optional<Aanleverpunt> bestaand = zoek(brin, aanleverpuntnummer);
        if (bestaand.isEmpty() && !school.isEen(Instelling.Soort.WPO, Instelling.Soort.WEC, Instelling.Soort.VGK)) {
            // a new one only for a school of BRON PO: a mistyped BRIN-nummer of a secondary school made an aanleverpunt in
            // the connection phase, with mails, that the API cannot remove (a closed school keeps one for its corrections)
            throw new OngeldigeInvoer("brin", "BRIN-nummer " + brin + " is in het BRIN-register geen instelling van BRON PO (WPO, WEC of VGK)");
        }
        String bestuur = bestaand.map(a -> a.gegevens().bestuurNummer()).orElse(null);
        schrijf(aanleverpunten.id(brin, aanleverpuntnummer), gegevens);
        if (bestuur != null && !bestuur.equals(gegevens.bestuurNummer()) && scholenVanBestuur(bestuur).isEmpty()) {
            gebeurtenissen.publishEvent(new BestuurZonderScholen(bestuur));
        }
        return zoek(brin, aanleverpuntnummer).orElseThrow();
    }

    /** @return the school of the reference register the aanleverpunt belongs to */
    private Instelling controleer(String brin, String nummer, AanleverpuntGegevens g) {
        if (brin == null || !Formaten.BRIN.matcher(brin).matches()) {
            throw new OngeldigeInvoer("brin", "BRIN-nummer moet twee cijfers en twee letters of cijfers zijn (bijv. 00AA)");
        }
        // one spelling per aanleverpunt: 01 beside 1 would be a second record for the same point, 0 none at all
        if (nummer == null || !nummer.matches("[1-9][0-9]{0,4}")) {
            throw new OngeldigeInvoer("aanleverpuntnummer", "aanleverpuntnummer moet een getal van 1 tot 99999 zijn, zonder voorloopnullen");
        }
        Instelling school = instellingen.zoek(brin)
                .orElseThrow(() -> new OngeldigeInvoer("brin", "BRIN-nummer " + brin + " is niet bekend in het BRIN-register"));
        // a date the database would shift (year 0) or no phase could have: the connection phase is of this century
        if (g.wachtwoordbriefDatum() != null && (g.wachtwoordbriefDatum().getYear() < 2000 || g.wachtwoordbriefDatum().getYear() > 2099)) {
            throw new OngeldigeInvoer("wachtwoordbriefDatum", "wachtwoordbriefDatum moet tussen 2000-01-01 en 2099-12-31 liggen");
        }
        // a connection phase only for a school that exists when it starts: a closed school's aanleverpunt (kept for its
        // corrections) must not be sent the phase's mails
        if (g.wachtwoordbriefDatum() != null && !school.geldigOp(g.wachtwoordbriefDatum())) {
            throw new OngeldigeInvoer("wachtwoordbriefDatum", "BRIN-nummer " + brin
                    + " bestaat op de wachtwoordbriefDatum niet in het BRIN-register: geen aansluitfase voor een opgeheven school");
        }
        // a planned school's phase starts within two weeks of its planned week, as its first vooraankondiging said
        planning.controleerWachtwoordbrief(brin, g.wachtwoordbriefDatum());
        Set<ConstraintViolation<AanleverpuntGegevens>> fouten = validator.validate(g);
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoer(fouten.stream().map(f -> f.getPropertyPath().toString()).sorted().collect(Collectors.joining(", ")),
                    fouten.stream().map(f -> f.getPropertyPath() + " " + f.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        // a school has one board (bevoegd gezag): a second aanleverpunt naming another showed the whole school to both
        // (after the field checks: a number of the wrong form is told so, not that the school has a board)
        if (g.bestuurNummer() != null) {
            List<Map<String, Object>> anders = jdbc.queryForList("select aanleverpuntnummer, bestuur_nummer from aanleverpunt "
                    + "where brin = :brin and aanleverpuntnummer <> :nummer and bestuur_nummer is not null and bestuur_nummer <> :bestuur "
                    + "order by aanleverpuntnummer", Map.of("brin", brin, "nummer", nummer, "bestuur", g.bestuurNummer()));
            if (!anders.isEmpty()) {
                throw new OngeldigeInvoer("bestuurNummer", "BRIN-nummer " + brin + " valt al onder bestuur " + anders.get(0).get("bestuur_nummer")
                        + " (aanleverpunt " + anders.get(0).get("aanleverpuntnummer") + "): een school heeft één bevoegd gezag. Geef "
                        + "hetzelfde bestuursnummer, of maak het bij de andere aanleverpunten eerst leeg ({\"bestuurNummer\": null})");
            }
        }
        return school;
    }

    private void schrijf(long id, AanleverpuntGegevens g) {
        jdbc.update("update aanleverpunt set las = :las, contactpersoon = :contact, gemachtigde_naam = :naam, "
                + "gemachtigde_email = :email, wachtwoordbrief_datum = :brief, norm_leerlingen = :norm, "
                + "norm_ab_leerlingen = :normAb, bestuur_naam = :bestuur, bestuur_email = :bestuurEmail, bestuur_nummer = :bestuurNummer, gegevens_bijgewerkt_op = :nu "
                + "where id = :id",
                new MapSqlParameterSource("id", id).addValue("las", g.las()).addValue("contact", g.contactpersoon())
                        .addValue("naam", g.gemachtigdeNaam()).addValue("email", g.gemachtigdeEmail())
                        .addValue("brief", g.wachtwoordbriefDatum()).addValue("norm", g.normLeerlingen())
                        .addValue("normAb", g.normAbLeerlingen()).addValue("bestuur", g.bestuurNaam())
                        .addValue("bestuurEmail", g.bestuurEmail()).addValue("bestuurNummer", g.bestuurNummer()).addValue("nu", Timestamp.from(klok.instant())));
    }

    private static Aanleverpunt lees(ResultSet rs) throws SQLException {
        Date brief = rs.getDate("wachtwoordbrief_datum");
        return new Aanleverpunt(rs.getString("brin"), rs.getString("aanleverpuntnummer"), new AanleverpuntGegevens(
                rs.getString("las"), rs.getString("contactpersoon"), rs.getString("gemachtigde_naam"),
                rs.getString("gemachtigde_email"), brief == null ? null : brief.toLocalDate(),
                (Integer) rs.getObject("norm_leerlingen"), (Integer) rs.getObject("norm_ab_leerlingen"),
                rs.getString("bestuur_naam"), rs.getString("bestuur_email"), rs.getString("bestuur_nummer")),
                rs.getTimestamp("getest_op") == null ? null : rs.getTimestamp("getest_op").toInstant());
    }
}
