package nl.bronhub.gba;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import nl.bronhub.Afleverbestanden;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.gtb.GtbHerberekening;
import nl.bronhub.terugkoppeling.TerugkoppelingWachtrij;
import nl.bronhub.aanlevering.FormaatControle;
import nl.bronhub.aanlevering.Formaten;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.aanlevering.Waardelijsten;
import nl.bronhub.signaal.Signaal;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import org.apache.camel.Header;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The GBA change feed (handbook 7.7.3). A file of changes (';'-separated, header line, one person a
 * line, empty = unchanged, '-' = cleared) is checked whole before anything is applied; then, in one
 * transaction, each registered BSN pupil is updated and every aanleverpunt where the pupil has a
 * running inschrijving gets a spontane mutatie, with 350/351 when a corrected birth date makes the
 * enrolment doubtful.
 */
@Component
public class GbaMutatiebestand implements SignaalBron {

    private static final Logger LOG = LoggerFactory.getLogger(GbaMutatiebestand.class);

    /** Earlier is a typing error (or year 0000), not a pupil. */
    static final LocalDate VROEGSTE_GEBOORTEDATUM = LocalDate.of(1900, 1, 1);

    private static final Map<String, Integer> MAX_LENGTE = new LinkedHashMap<>(Map.of("achternaam", 200, "voornamen", 200,
            "straatnaam", 200, "woonplaats", 200, "voorvoegsel", 20, "huisnummertoevoeging", 20));

    /** The names among the columns: they need a letter, as a name does at the LAS door. */
    private static final Set<String> NAMEN = Set.of("achternaam", "voornamen", "voorvoegsel");

    static final Set<String> KOLOMMEN = Set.of("bsn", "geboortedatum", "achternaam", "voorvoegsel", "voornamen", "straatnaam",
            "huisnummer", "huisnummertoevoeging", "postcode", "woonplaats", "geheim");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final TerugkoppelingWachtrij wachtrij;
    private final GbaRegister gba;
    private final SignaalCatalogus catalogus;
    private final Clock klok;
    private final int maxRegels;

    public GbaMutatiebestand(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, TerugkoppelingWachtrij wachtrij,
                             GbaRegister gba, SignaalCatalogus catalogus, Clock klok,
                             GbaMutatieEigenschappen eigenschappen) {
        this.maxRegels = eigenschappen.maxRegels();
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.wachtrij = wachtrij;
        this.gba = gba;
        this.catalogus = catalogus;
        this.klok = klok;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("350", "351");
    }

    /**
     * Reads and checks every line; one wrong line refuses the whole file. A file changes a person at
     * most once: a BSN on two lines is refused (which line the GBA meant last is not for the hub to
     * guess), and so is a file of more than bron.gba.mutaties.max-regels lines.
     */
    public List<GbaWijziging> lees(String inhoud) {
        String kopregel = inhoud.lines().findFirst().orElse("");
        List<String> kolommen = kolommen(kopregel);
        Afleverbestanden.controleerTekens(inhoud, kolommen);
        List<GbaWijziging> wijzigingen = new ArrayList<>();
        Map<String, Integer> bsnOpRegel = new HashMap<>();
        // no quote character: every line of the file is one record, so the reason's line numbers are the file's
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';').withoutQuoteChar();
        int regel = 1;
        // empty lines at the end (an editor's, a copy's) are no records; one in the middle stays a line to refuse
        String regelsTekst = inhoud.replaceFirst("(\\r?\\n)(?:[ ]*\\r?\\n)+$", "$1");
        try (MappingIterator<Map<String, String>> regels = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(regelsTekst)) {
            while (regels.hasNextValue()) {
                regel++;
                if (regel - 1 > maxRegels) {
                    throw new GbaBestandFout("het bestand heeft meer dan " + maxRegels + " regels met wijzigingen, de grens "
                            + "(bron.gba.mutaties.max-regels); deel het op");
                }
                GbaWijziging w = wijziging(regel, regels.nextValue());
                Integer eerder = bsnOpRegel.putIfAbsent(w.bsn(), regel);
                if (eerder != null) {
                    throw new GbaBestandFout("regel " + regel + ": bsn staat ook op regel " + eerder
                            + "; een bestand wijzigt een persoon ten hoogste eenmaal");
                }
                wijzigingen.add(w);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GbaBestandFout || e instanceof OngeldigeInvoer) {
                throw (RuntimeException) e;
            }
            // Jackson's message quotes the line: only where it is
            int waar = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : regel + 1;
            throw new GbaBestandFout("regel " + waar + ": niet te lezen als ';'-gescheiden regel met hooguit de velden van de kopregel");
        }
        return wijzigingen;
    }

    /** The header's columns; the reason names a wrong one by its place, never by what it says (it may be a BSN). */
    private static List<String> kolommen(String kopregel) {
        List<String> kolommen = new ArrayList<>();
        String[] namen = kopregel.split(";", -1);
        for (int i = 0; i < namen.length; i++) {
            String naam = namen[i].strip();
            if (!KOLOMMEN.contains(naam)) {
                throw new GbaBestandFout("regel 1: kolom " + (i + 1) + " van de kopregel is geen bekende kolom (bekend: "
                        + String.join(", ", KOLOMMEN.stream().sorted().toList()) + ")");
            }
            if (kolommen.contains(naam)) {
                throw new GbaBestandFout("regel 1: kolom " + naam + " staat twee keer in de kopregel");
            }
            kolommen.add(naam);
        }
        if (!kolommen.contains("bsn")) {
            throw new GbaBestandFout("regel 1: de kopregel mist de kolom bsn");
        }
        return kolommen;
    }

    private GbaWijziging wijziging(int regel, Map<String, String> velden) {
        String bsn = tekst(velden.get("bsn"));
        if (bsn == null || !Pgn.isGeldigBsn(bsn)) {
            throw new GbaBestandFout("regel " + regel + ": bsn ontbreekt of voldoet niet aan de elfproef");
        }
        LocalDate geboortedatum = null;
        String datum = tekst(velden.get("geboortedatum"));
        if (datum != null) {
            try {
                geboortedatum = FormaatControle.datum(datum);
            } catch (DateTimeParseException e) {
                throw new GbaBestandFout("regel " + regel + ": geboortedatum is geen datum JJJJ-MM-DD");
            }
            if (geboortedatum.isBefore(VROEGSTE_GEBOORTEDATUM) || geboortedatum.isAfter(LocalDate.now(klok))) {
                throw new GbaBestandFout("regel " + regel + ": geboortedatum ligt voor " + VROEGSTE_GEBOORTEDATUM + " of na vandaag");
            }
        }
        String postcode = tekst(velden.get("postcode"));
        if (postcode != null && !postcode.equals("-") && !Formaten.POSTCODE.matcher(postcode).matches()) {
            throw new GbaBestandFout("regel " + regel + ": postcode moet vier cijfers en twee hoofdletters zijn (bijv. 9999ZZ)");
        }
        String huisnummer = tekst(velden.get("huisnummer"));
        if (huisnummer != null && !huisnummer.equals("-")
                && !Formaten.HUISNUMMER.matcher(huisnummer).matches()) {
            throw new GbaBestandFout("regel " + regel + ": huisnummer is geen getal van 1 tot 99999");
        }
        String geheim = tekst(velden.get("geheim"));
        if (geheim != null && !Set.of("J", "N").contains(geheim)) {
            throw new GbaBestandFout("regel " + regel + ": geheim is J, N of leeg");
        }
        // the lengths of the contract (Naam 200, Code 20) and of the register's columns
        MAX_LENGTE.forEach((veld, max) -> {
            String waarde = tekst(velden.get(veld));
            if (waarde != null && waarde.length() > max) {
                throw new GbaBestandFout("regel " + regel + ": " + veld + " is langer dan " + max + " tekens");
            }
        });
        // as the LAS door (742): a spreadsheet reads a leading =, + or @ as a formula, and a name needs a letter
        for (String veld : MAX_LENGTE.keySet()) {
            String waarde = tekst(velden.get(veld));
            // a bare - is the feed's own mark for 'clear this field', no formula (it was refused, so no field could be cleared)
            if (waarde == null || "-".equals(waarde)) {
                continue;
            }
            if (FormaatControle.alsFormule(waarde)) {
                throw new GbaBestandFout("regel " + regel + ": " + veld + " begint met =, +, -, @ of | (een formule in een rekenblad)");
            }
            // what the LAS door refuses in a name or address line (742) would reach the LASes in a spontane mutatie
            if (FormaatControle.teVeelTekens(waarde)) {
                throw new GbaBestandFout("regel " + regel + ": " + veld + " heeft te veel tekens op een letter of letters uit het "
                        + "wiskundige alfabet");
            }
            if (NAMEN.contains(veld) && !FormaatControle.naamachtig(waarde)) {
                throw new GbaBestandFout("regel " + regel + ": " + veld + " is geen naam (een letter, geen plaatje, geen teken vooraan)");
            }
        }
        GbaWijziging w = new GbaWijziging(regel, bsn, geboortedatum, wis(velden.get("achternaam")), wis(velden.get("voorvoegsel")),
                wis(velden.get("voornamen")), wis(velden.get("straatnaam")), wis(huisnummer), wis(velden.get("huisnummertoevoeging")),
                wis(postcode), wis(velden.get("woonplaats")), geheim == null ? null : "J".equals(geheim));
        if ("".equals(w.achternaam())) {
            throw new GbaBestandFout("regel " + regel + ": achternaam kan niet gewist worden");
        }
        return w;
    }

    /**
     * Applies a checked file in one transaction. A file with the content of an earlier one is applied again: it may move
     * a value back that a file in between changed, and where it repeats what the register holds it changes nothing and
     * queues no spontane mutatie (also when the hub stopped between applying a file and moving it away).
     */
    public void verwerk(List<GbaWijziging> wijzigingen, @Header(Exchange.FILE_NAME) String naam, @Header("inhoud") String inhoud) {
        MapSqlParameterSource bestand = new MapSqlParameterSource("h", sha256(inhoud)).addValue("naam", naam)
                .addValue("n", wijzigingen.size()).addValue("nu", Timestamp.from(klok.instant()));
        int mutaties = transactie.execute(s -> {
            // the record of files applied, by content: the last time this content was applied
            if (jdbc.update("update gba_mutatiebestand set naam = :naam, wijzigingen = :n, verwerkt_op = :nu where sha256 = :h", bestand) == 0) {
                jdbc.update("insert into gba_mutatiebestand (sha256, naam, wijzigingen, verwerkt_op) values (:h, :naam, :n, :nu)", bestand);
            }
            int geplaatst = 0;
            for (GbaWijziging w : wijzigingen) {
                geplaatst += pasToe(w);
                gba.wijzigingBewaren(w);
            }
            return geplaatst;
        });
        wijzigingen.forEach(gba::wijzigingOntvangen);
        LOG.info("GBA change file {} applied: {} changes, {} spontane mutaties", Afleverbestanden.veilig(naam), wijzigingen.size(), mutaties);
    }

    /** @return the number of spontane mutaties placed */
    private int pasToe(GbaWijziging w) {
        List<Map<String, Object>> gevonden = jdbc.queryForList("select * from persoon where pgn = :bsn and pgn_soort = 'BSN'",
                Map.of("bsn", w.bsn()));
        if (gevonden.isEmpty()) {
            return 0; // not a pupil of any school in this register
        }
        Map<String, Object> p = gevonden.get(0);
        LocalDate was = ((Date) p.get("geboortedatum")).toLocalDate();
        LocalDate geboortedatum = w.geboortedatum() != null ? w.geboortedatum() : was;
        MapSqlParameterSource nieuw = new MapSqlParameterSource("id", p.get("id"))
                .addValue("geboortedatum", geboortedatum)
                .addValue("achternaam", GbaWijziging.nieuw(w.achternaam(), (String) p.get("achternaam")))
                .addValue("voorvoegsel", GbaWijziging.nieuw(w.voorvoegsel(), (String) p.get("voorvoegsel")))
                .addValue("voornamen", GbaWijziging.nieuw(w.voornamen(), (String) p.get("voornamen")))
                .addValue("straatnaam", GbaWijziging.nieuw(w.straatnaam(), (String) p.get("straatnaam")))
                .addValue("huisnummer", GbaWijziging.nieuw(w.huisnummer(), (String) p.get("huisnummer")))
                .addValue("toevoeging", GbaWijziging.nieuw(w.huisnummertoevoeging(), (String) p.get("huisnummertoevoeging")))
                .addValue("postcode", GbaWijziging.nieuw(w.postcode(), (String) p.get("postcode")))
                .addValue("woonplaats", GbaWijziging.nieuw(w.woonplaats(), (String) p.get("woonplaats")))
                .addValue("geheim", w.geheim() != null ? w.geheim() : p.get("adres_geheim"));
        // a line that repeats what the register holds is no change: no spontane mutatie for the school
        if (!gewijzigd(p, nieuw, was)) {
            return 0;
        }
        jdbc.update("update persoon set geboortedatum = :geboortedatum, achternaam = :achternaam, voorvoegsel = :voorvoegsel, "
                + "voornamen = :voornamen, straatnaam = :straatnaam, huisnummer = :huisnummer, huisnummertoevoeging = :toevoeging, "
                + "postcode = :postcode, woonplaats = :woonplaats, adres_geheim = :geheim, gewijzigd_op = :nu where id = :id",
                nieuw.addValue("nu", Timestamp.from(klok.instant())));
        // a new date of birth can move the pupil to another age group on the GTB
        GtbHerberekening.markeer(jdbc, ((Number) p.get("id")).longValue());
        List<Map<String, Object>> lopend = jdbc.queryForList("select id, aanleverpunt_id, datum_inschrijving from inschrijving "
                + "where persoon_id = :p and (datum_uitschrijving is null or datum_uitschrijving >= :vandaag) order by id",
                new MapSqlParameterSource("p", p.get("id")).addValue("vandaag", LocalDate.now(klok)));
        for (Map<String, Object> i : lopend) {
            long inschrijvingId = ((Number) i.get("id")).longValue();
            List<Signaal> signalen = new ArrayList<>();
            if (!geboortedatum.equals(was)) {
                LocalDate inschrijving = ((Date) i.get("datum_inschrijving")).toLocalDate();
                if (!inschrijving.isAfter(geboortedatum)) {
                    signalen.add(catalogus.signaal("350", "geboortedatum"));
                } else if (!leeftijdToegestaan(inschrijvingId, geboortedatum, inschrijving)) {
                    signalen.add(catalogus.signaal("351", "geboortedatum"));
                }
            }
            wachtrij.plaatsSpontaneMutatie(((Number) i.get("aanleverpunt_id")).longValue(), w.bsn(), inschrijvingId, signalen);
        }
        return lopend.size();
    }

    private static boolean gewijzigd(Map<String, Object> p, MapSqlParameterSource nieuw, LocalDate was) {
        Map<String, String> kolom = Map.of("achternaam", "achternaam", "voorvoegsel", "voorvoegsel", "voornamen", "voornamen",
                "straatnaam", "straatnaam", "huisnummer", "huisnummer", "toevoeging", "huisnummertoevoeging", "postcode", "postcode",
                "woonplaats", "woonplaats");
        for (Map.Entry<String, String> k : kolom.entrySet()) {
            if (!Objects.equals(nieuw.getValue(k.getKey()), p.get(k.getValue()))) {
                return true;
            }
        }
        return !was.equals(nieuw.getValue("geboortedatum"))
                || Boolean.TRUE.equals(nieuw.getValue("geheim")) != Boolean.TRUE.equals(p.get("adres_geheim"));
    }

    /** The ages of signals 333/334: at least 4 (3 for deaf and hard-of-hearing indications), under 20. */
    private boolean leeftijdToegestaan(long inschrijvingId, LocalDate geboortedatum, LocalDate inschrijving) {
        boolean vanafDrie = jdbc.queryForList("select onderwijssoort_indicatie from indicatiestelling where inschrijving_id = :id",
                Map.of("id", inschrijvingId), String.class).stream().anyMatch(Waardelijsten.VANAF_DRIE_JAAR::contains);
        int leeftijd = Period.between(geboortedatum, inschrijving).getYears();
        return leeftijd >= (vanafDrie ? 3 : 4) && leeftijd < 20;
    }

    private static String tekst(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String wis(String s) {
        String t = tekst(s);
        return "-".equals(t) ? "" : t;
    }

    private static String sha256(String inhoud) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(inhoud.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
