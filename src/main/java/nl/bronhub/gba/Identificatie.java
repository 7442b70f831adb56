package nl.bronhub.gba;

import java.util.Set;

import nl.bronhub.intake.Pgn;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalBron;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Settles the persoonsgebonden nummer a pupil is registered under: the BSN, else the onderwijsnummer
 * the school gave, else a new onderwijsnummer (757) that the LAS must store.
 */
@Component
public class Identificatie implements SignaalBron {

    private final JdbcTemplate jdbc;
    private final SignaalCatalogus catalogus;

    public Identificatie(JdbcTemplate jdbc, SignaalCatalogus catalogus) {
        this.jdbc = jdbc;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("757");
    }

    public void identificeer(Verwerking v) {
        if (v.getPgn() != null) {
            return;
        }
        String nummer = null;
        while (nummer == null) {
            Long volgende = jdbc.queryForObject("select nextval('onderwijsnummer_seq')", Long.class);
            nummer = Pgn.onderwijsnummer(volgende);
        }
        v.setPgn(nummer);
        v.leerling().setOnderwijsnummer(nummer);
        v.voegToe(catalogus.signaal("757", "onderwijsnummer"));
    }
}
