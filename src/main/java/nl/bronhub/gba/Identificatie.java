package nl.bronhub.gba;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Each bericht of the reeks the checks let through. */
    public void identificeerAlle(Reeks reeks) {
        reeks.elkNietAfgekeurd(this::identificeer);
    }

    public void identificeer(Verwerking v) {
        Leerling p = v.leerling();
        if (p.bsn() != null) {
            // GbaControle has verified the BSN already
            v.gba().opBsn().ifPresent(g -> neemGbaGegevensOver(v, g));
        } else if (p.onderwijsnummer() != null) {
            controleerOnderwijsnummer(v);
        } else {
            zoekNummer(v);
        }
    }

    private void zoekNummer(Verwerking v) {
        Leerling p = v.leerling();
        LocalDate geboortedatum = p.geboortedatum();
        // GbaVraag asked the person register for this surname and birth date
        List<GbaPersoon> gevonden = v.gba().gevonden(p);
        if (gevonden.size() == 1) {
            v.setLeerling(p.metBsn(gevonden.get(0).bsn()));
            v.setPgn(gevonden.get(0).bsn());
            v.voegToe(catalogus.signaal("755", "burgerservicenummer"));
            neemGbaGegevensOver(v, gevonden.get(0));
            return;
        }
        List<String> bekend = jdbc.queryForList("select pgn from persoon where pgn_soort = 'ONDERWIJSNUMMER' "
                + "and geboortedatum = :geboortedatum and geslacht = :geslacht and lower(achternaam) = lower(:achternaam)",
                Map.of("geboortedatum", geboortedatum, "geslacht", p.geslacht(), "achternaam", p.achternaam()),
                String.class);
        if (bekend.size() == 1) {
            v.setLeerling(p.metOnderwijsnummer(bekend.get(0)));
            v.setPgn(bekend.get(0));
            v.voegToe(catalogus.signaal("756", "onderwijsnummer"));
            return;
        }
        if (v.is(Mutatiesoort.VERWIJDEREN) && v.inschrijving() != null) {
            // a pupil BRON does not know has no inschrijving to remove: a number handed out now would be dropped
            // with the refused bericht, so none is given (no 757), and 304 says what could not be removed
            v.voegToe(catalogus.signaal("304", "datum inschrijving", Map.of("pgn", "(geen)",
                    "datumInschrijving", datum(v.inschrijving().datumInschrijving()))));
            return;
        }
        String nummer = null;
        while (nummer == null) {
            nummer = Pgn.onderwijsnummer(jdbc.getJdbcTemplate().queryForObject("select nextval('onderwijsnummer_seq')", Long.class));
        }
        v.setLeerling(p.metOnderwijsnummer(nummer));
        v.setPgn(nummer);
        v.voegToe(catalogus.signaal("757", "onderwijsnummer"));
    }

    private void controleerOnderwijsnummer(Verwerking v) {
        Leerling p = v.leerling();
        List<Map<String, Object>> geregistreerd = jdbc.queryForList("select geboortedatum, geslacht from persoon "
                + "where pgn = :pgn and pgn_soort = 'ONDERWIJSNUMMER'", Map.of("pgn", p.onderwijsnummer()));
        if (geregistreerd.isEmpty()
                || !p.geboortedatum().equals(((Date) geregistreerd.get(0).get("geboortedatum")).toLocalDate())
                || !p.geslacht().equals(geregistreerd.get(0).get("geslacht"))) {
            v.voegToe(catalogus.signaal("752", "onderwijsnummer"));
        }
    }

    /** For a BSN pupil the register holds the GBA's personal data, not the school's. */
    private void neemGbaGegevensOver(Verwerking v, GbaPersoon g) {
        Leerling p = v.leerling();
        boolean geregistreerd = register.bekend(g.bsn(), v.getBrin()) != null;
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
