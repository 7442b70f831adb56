package nl.bronhub.gba;

import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.aanlevering.FormaatControle;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.model.GbaPersoon;
import nl.bronhub.model.Leerling;
import nl.bronhub.model.Mutatiesoort;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.registratie.RegisterLezer;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import static nl.bronhub.signaal.SignaalCatalogus.datum;

/**
 * Settles who the pupil is and under which persoonsgebonden nummer the register holds them
 * (handbook 7.1-7.2). With a BSN the GBA's data are taken, and a school cannot change the name the GBA
 * holds (793). With an onderwijsnummer it must be the register's, for this birth date and sex (752).
 * Without a number: the BSN through the GBA (755), else an onderwijsnummer the register already gave
 * this pupil (756), else a new one (757). The terugkoppeling carries the number. A secret address
 * per GBA is 956.
 */
@Component
public class Identificatie implements SignaalBron {

    private final NamedParameterJdbcTemplate jdbc;
    private final RegisterLezer register;
    private final SignaalCatalogus catalogus;

    public Identificatie(NamedParameterJdbcTemplate jdbc, RegisterLezer register, SignaalCatalogus catalogus) {
        this.jdbc = jdbc;
        this.register = register;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("304", "752", "755", "756", "757", "793", "956");
    }

    /** The onderwijsnummers the register gave, of pupils born on one of the given dates. */
    private static final String GEGEVEN_ONDERWIJSNUMMERS = "select pgn, geboortedatum, geslacht, achternaam from persoon "
            + "where pgn_soort = 'ONDERWIJSNUMMER' and geboortedatum in (:data)";
    /** As many values of the onderwijsnummer sequence as asked, in one statement (H2 and PostgreSQL both have it). */
    private static final String VOLGNUMMERS = "select nextval('onderwijsnummer_seq') from generate_series(1, :n)";

    /** Each bericht of the reeks the checks let through. */
    public void identificeerAlle(Reeks reeks) {
        identificeer(reeks.getBerichten().stream().filter(v -> !v.isAfgekeurd()).toList());
    }

    public void identificeer(Verwerking v) {
        identificeer(List.of(v));
    }

    /**
     * The berichten in order. Pupils sent without a number whom the person register did not find are looked up among
     * the onderwijsnummers the register gave in one query, and the new numbers they need come from the sequence in one
     * statement: no two of them share a birth date and sex in a reeks, so none can be given another's new number.
     */
    private void identificeer(List<Verwerking> berichten) {
        List<Verwerking> zonderNummer = new ArrayList<>();
        Reeks.elk(berichten, v -> {
            Leerling p = v.leerling();
            if (p.bsn() != null) {
                // GbaControle has verified the BSN already
                if (p.onderwijsnummer() == null || koppelingKlopt(v)) {
                    v.gba().opBsn().ifPresent(g -> neemGbaGegevensOver(v, g));
                }
            } else if (p.onderwijsnummer() != null) {
                controleerOnderwijsnummer(v);
            } else if (!doorGbaGevonden(v)) {
                zonderNummer.add(v);
            }
        });
        if (zonderNummer.isEmpty()) {
            return;
        }
        List<Verwerking> nieuw = zoekGegeven(zonderNummer);
        if (nieuw.isEmpty()) {
            return;
        }
        // held to the commit: a transaction of another aanleverpunt giving the same child a number meanwhile has
        // committed when this one looks again, so the child gets one number (756 here), not two
        jdbc.queryForList("select id from identificatie_slot where id = 1 for update", Map.of());
        nieuw = zoekGegeven(nieuw);
        Iterator<String> nummers = nieuweOnderwijsnummers(nieuw.size()).iterator();
        Reeks.elk(nieuw, v -> {
            String nummer = nummers.next();
            v.setLeerling(v.leerling().metOnderwijsnummer(nummer));
            v.setPgn(nummer);
            v.voegToe(catalogus.signaal("757", "onderwijsnummer"));
        });
    }

    /** Gives each bericht whose pupil the register already numbered that number (756); the berichten that need a new one. */
    private List<Verwerking> zoekGegeven(List<Verwerking> zonderNummer) {
        Map<String, List<String>> gegeven = gegevenOnderwijsnummers(zonderNummer);
        List<Verwerking> nieuw = new ArrayList<>();
        Reeks.elk(zonderNummer, v -> {
            Leerling p = v.leerling();
            List<String> bekend = gegeven.getOrDefault(sleutel(p.geboortedatum(), p.geslacht(), p.achternaam()), List.of());
            if (bekend.size() == 1) {
                v.setLeerling(p.metOnderwijsnummer(bekend.get(0)));
                v.setPgn(bekend.get(0));
                // found by surname, birth date and sex, which any school may know: no key data confirmed, so a refused
                // bericht shows this school nothing of what the register holds (unless the pupil is enrolled here)
                v.voegToe(catalogus.signaal("756", "onderwijsnummer"));
            } else if (v.is(Mutatiesoort.VERWIJDEREN) && v.inschrijving() != null) {
                // a pupil BRON does not know has no inschrijving to remove: a number handed out now would be dropped
                // with the refused bericht, so none is given (no 757), and 304 says what could not be removed
                v.voegToe(catalogus.signaal("304", "datum inschrijving", Map.of("pgn", "(geen)",
                        "datumInschrijving", datum(v.inschrijving().datumInschrijving()))));
            } else {
                nieuw.add(v);
            }
        });
        return nieuw;
    }

    /** A pupil sent without a number whom the person register found by surname and birth date (GbaVraag asked): 755. */
    private boolean doorGbaGevonden(Verwerking v) {
        Leerling p = v.leerling();
        List<GbaPersoon> gevonden = v.gba().gevonden(p);
        if (gevonden.size() != 1) {
            return false;
        }
        v.setLeerling(p.metBsn(gevonden.get(0).bsn()));
        v.setPgn(gevonden.get(0).bsn());
        v.voegToe(catalogus.signaal("755", "burgerservicenummer"));
        v.bevestigSleutel();
        neemGbaGegevensOver(v, gevonden.get(0));
        return true;
    }

    /**
     * The onderwijsnummers the register gave pupils with the berichten's birth dates, by birth date, sex and surname in
     * any case (lower case as Java makes it, the same on either database).
     */
    private Map<String, List<String>> gegevenOnderwijsnummers(List<Verwerking> berichten) {
        Set<LocalDate> data = new HashSet<>();
        berichten.forEach(v -> data.add(v.leerling().geboortedatum()));
        Map<String, List<String>> gegeven = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList(GEGEVEN_ONDERWIJSNUMMERS, Map.of("data", data))) {
            gegeven.computeIfAbsent(sleutel(((Date) r.get("geboortedatum")).toLocalDate(), (String) r.get("geslacht"),
                    (String) r.get("achternaam")), k -> new ArrayList<>()).add((String) r.get("pgn"));
        }
        return gegeven;
    }

    private static String sleutel(LocalDate geboortedatum, String geslacht, String achternaam) {
        return geboortedatum + "|" + geslacht + "|" + naamSleutel(achternaam);
    }

    /**
     * A surname as it is compared: one Unicode form (NFC: a ü sent as u and a combining mark is the ü), without blanks
     * around it (a no-break space too), in lower case; two schools typing one name differently still find one child.
     */
    static String naamSleutel(String achternaam) {
        if (achternaam == null) {
            return "";
        }
        return FormaatControle.zonderBlanco(Normalizer.normalize(achternaam, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
    }

    /** New onderwijsnummers in the sequence's order; a value without a valid check digit is skipped. */
    private List<String> nieuweOnderwijsnummers(int aantal) {
        List<String> nummers = new ArrayList<>();
        while (nummers.size() < aantal) {
            jdbc.queryForList(VOLGNUMMERS, Map.of("n", aantal - nummers.size()), Long.class).stream().sorted()
                    .map(Pgn::onderwijsnummer).filter(Objects::nonNull).forEach(nummers::add);
        }
        return nummers;
    }

    /**
     * A pupil sent with an onderwijsnummer alone: it must be the register's, for this birth date and sex (752). When the
     * register has since linked it to a BSN (the pupil got one, and a LAS sent both), the pupil is that BSN's: the
     * register keeps the GBA's data, and the LAS hears the BSN to store (755).
     */
    private void controleerOnderwijsnummer(Verwerking v) {
        Leerling p = v.leerling();
        RegisterLezer.Houder h = register.houder(p.onderwijsnummer());
        if (h == null || !h.past(p)) {
            v.voegToe(catalogus.signaal("752", "onderwijsnummer"));
            return;
        }
        v.bevestigSleutel();
        if (!h.gekoppeld()) {
            return;
        }
        v.setPgn(h.pgn());
        v.setGekoppeldOnderwijsnummer(p.onderwijsnummer());
        Optional<GbaPersoon> g = v.gba().opBsn().filter(x -> x.bsn().equals(h.pgn()));
        if (g.isPresent()) {
            v.setLeerling(p.metBsn(h.pgn()));
            neemGbaGegevensOver(v, g.get(), false);
        } else {
            // linked after the person register was asked (another school's bericht, just now): the register's own data,
            // which are the GBA's
            v.setLeerling(register.persoon(h.pgn()).metOnderwijsnummer(p.onderwijsnummer()));
        }
        v.voegToe(catalogus.signaal("755", "burgerservicenummer"));
    }

    /**
     * Sent with a BSN and an onderwijsnummer: a pupil the register knows by the onderwijsnummer who has a BSN now (handbook
     * 7.2.4, "onderwijsnummer niet verwijderen"). The onderwijsnummer must be one the register gave a pupil of this birth
     * date and sex, not linked to another BSN (752, the bericht refused). The register stage then makes them one person
     * under the BSN, the onderwijsnummer kept beside it, but only for the school whose pupil it is (the one that may change
     * their personal data: its latest registered inschrijving, or while none, the school that sent them): any other school
     * would otherwise give a stranger's pupil the name and address of a BSN it knows. Not linked either (the bericht
     * registered under the BSN alone) when the BSN's person has an inschrijving at a school on the same date as one of the
     * onderwijsnummer's: which of the two is right is not the hub's to guess.
     */
    private boolean koppelingKlopt(Verwerking v) {
        Leerling p = v.leerling();
        RegisterLezer.Houder h = register.houder(p.onderwijsnummer());
        if (h == null || !h.kanZijnVan(p)) {
            v.voegToe(catalogus.signaal("752", "onderwijsnummer"));
            return false;
        }
        if (h.gekoppeld()) {
            v.setGekoppeldOnderwijsnummer(p.onderwijsnummer()); // linked before
            return true;
        }
        if (!register.persoonsgegevensVan(p.onderwijsnummer(), v.getBrin())) {
            return true;
        }
        Long bsnPersoon = jdbc.query("select id from persoon where pgn = :bsn", Map.of("bsn", p.bsn()),
                rs -> rs.next() ? rs.getLong("id") : null);
        if (bsnPersoon != null && jdbc.queryForObject("select count(*) from inschrijving a "
                + "join inschrijving b on b.brin = a.brin and b.datum_inschrijving = a.datum_inschrijving "
                + "where a.persoon_id = :een and b.persoon_id = :ander", Map.of("een", h.id(), "ander", bsnPersoon), Integer.class) > 0) {
            return true;
        }
        v.setTeKoppelenOnderwijsnummer(p.onderwijsnummer());
        v.setGekoppeldOnderwijsnummer(p.onderwijsnummer());
        return true;
    }

    /** For a BSN pupil the register holds the GBA's personal data, not the school's. */
    private void neemGbaGegevensOver(Verwerking v, GbaPersoon g) {
        neemGbaGegevensOver(v, g, true);
    }

    /** {@code naamControle} false: the school sent the onderwijsnummer alone, and its names are not the GBA's to compare. */
    private void neemGbaGegevensOver(Verwerking v, GbaPersoon g, boolean naamControle) {
        Leerling p = v.leerling();
        // only for the school's own pupil: to any other school, 793 would tell that the register knows this BSN
        RegisterLezer.Bekend bekend = naamControle ? register.bekend(g.bsn(), v.getBrin()) : null;
        boolean geregistreerd = bekend != null && bekend.vanSchool(v.getBrin());
        if (geregistreerd && (anders(p.achternaam(), g.achternaam()) || anders(p.voorvoegsel(), g.voorvoegsel())
                || anders(p.voornamen(), g.voornamen()))) {
            v.voegToe(catalogus.signaal("793", "achternaam"));
            return;
        }
        v.setLeerling(p.metPersoonsgegevens(g.geboortedatum(), g.geslacht(), g.achternaam(), g.voorvoegsel(), g.voornamen(),
                g.straatnaam(), g.huisnummer(), g.huisnummertoevoeging(), g.postcode(), g.woonplaats(), g.geheim()));
        if (g.geheim()) {
            v.voegToe(catalogus.signaal("956", null));
        }
    }

    /** Only what the school filled in counts as a change. */
    private static boolean anders(String school, String gba) {
        return school != null && !school.equalsIgnoreCase(gba == null ? "" : gba.trim());
    }
}
