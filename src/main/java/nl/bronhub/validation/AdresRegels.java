package nl.bronhub.validation;

import java.util.Set;
import java.util.stream.Stream;

import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.gba.GbaPersoon;
import nl.bronhub.gba.GbaRegister;
import nl.bronhub.intake.Waardelijsten;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.gevuld;

/**
 * The pupil's address (handbook 7.1, 7.2.4): a domestic address without a landcode, a foreign one
 * with a landcode other than the Netherlands, never both (773-775, 777), no postbus (776), and the
 * foreign lines filled in order (778, 779). A school that marks the address secret gets no address
 * signals, nor does a pupil whose address the GBA keeps secret (956).
 */
@Component
public class AdresRegels implements InhoudRegel {

    private final SignaalCatalogus catalogus;
    private final GbaRegister gba;

    public AdresRegels(SignaalCatalogus catalogus, GbaRegister gba) {
        this.catalogus = catalogus;
        this.gba = gba;
    }

    /** 956: no further signals about an address the GBA keeps secret. */
    private boolean geheimVolgensGba(Persoon p) {
        return gevuld(p.getBurgerservicenummer()) && gba.zoekOpBsn(p.getBurgerservicenummer().trim()).map(GbaPersoon::geheim).orElse(false);
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("773", "774", "775", "776", "777", "778", "779");
    }

    @Override
    public void controleer(Verwerking v) {
        Persoon p = v.leerling();
        if (Boolean.TRUE.equals(p.isAdresGeheim()) || geheimVolgensGba(p)) {
            return;
        }
        boolean buitenland = gevuld(p.getLandcode()) && !Waardelijsten.NEDERLAND.equals(p.getLandcode().trim());
        boolean binnenlandsAdres = Stream.of(p.getPostcode(), p.getStraatnaam(), p.getHuisnummer(), p.getWoonplaats())
                .anyMatch(Verwerking::gevuld);
        boolean regel1 = gevuld(p.getAdresregelBuitenland1());
        boolean regel2 = gevuld(p.getAdresregelBuitenland2());
        boolean regel3 = gevuld(p.getAdresregelBuitenland3());

        if (buitenland && binnenlandsAdres) {
            v.voegToe(catalogus.signaal("773", "binnenlands adres"));
        }
        if (!buitenland && (!gevuld(p.getPostcode()) || !gevuld(p.getHuisnummer()))) {
            v.voegToe(catalogus.signaal("774", "binnenlands adres"));
        }
        if (!buitenland && (regel1 || regel2 || regel3)) {
            v.voegToe(catalogus.signaal("775", "buitenlands adres"));
        }
        if (buitenland && !regel1) {
            v.voegToe(catalogus.signaal("777", "buitenlands adres"));
        }
        if (gevuld(p.getStraatnaam()) && p.getStraatnaam().trim().toLowerCase().startsWith("postbus")) {
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
