package nl.bronhub.controle;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import nl.bronhub.model.Leerling;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

/**
 * The pupil's address (handbook 7.1, 7.2.4): a domestic address without a landcode, a foreign one
 * with a landcode other than the Netherlands, never both (773-775, 777), no postbus (776), and the
 * foreign lines filled in order (778, 779). A school that marks the address secret gets no address
 * signals, nor does a pupil whose address the GBA keeps secret (956).
 */
@Component
public class AdresRegels implements InhoudRegel {

    private final SignaalCatalogus catalogus;

    public AdresRegels(SignaalCatalogus catalogus) {
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("773", "774", "775", "776", "777", "778", "779");
    }

    @Override
    public void controleer(Verwerking v) {
        Leerling p = v.leerling();
        if (p.adresGeheim() || v.gba().geheim()) {
            return;
        }
        boolean buitenland = p.buitenland();
        boolean binnenlandsAdres = Stream.of(p.postcode(), p.straatnaam(), p.huisnummer(), p.woonplaats()).anyMatch(Objects::nonNull);
        boolean regel1 = p.adresregelBuitenland1() != null;
        boolean regel2 = p.adresregelBuitenland2() != null;
        boolean regel3 = p.adresregelBuitenland3() != null;

        if (buitenland && binnenlandsAdres) {
            v.voegToe(catalogus.signaal("773", "binnenlands adres"));
        }
        if (!buitenland && (p.postcode() == null || p.huisnummer() == null)) {
            v.voegToe(catalogus.signaal("774", "binnenlands adres"));
        }
        if (!buitenland && (regel1 || regel2 || regel3)) {
            v.voegToe(catalogus.signaal("775", "buitenlands adres"));
        }
        if (buitenland && !regel1) {
            v.voegToe(catalogus.signaal("777", "buitenlands adres"));
        }
        if (p.straatnaam() != null && p.straatnaam().toLowerCase(Locale.ROOT).startsWith("postbus")) {
            v.voegToe(catalogus.signaal("776", "straatnaam"));
        }
        if (regel2 && !regel1) {
            v.voegToe(catalogus.signaal("778", "Adresregel buitenland 2"));
        }
        if (regel3 && (!regel1 || !regel2)) {
            v.voegToe(catalogus.signaal("779", "Adresregel buitenland 3"));
        }
    }
}
