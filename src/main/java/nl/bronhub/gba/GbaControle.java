package nl.bronhub.gba;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.contract.v1.Persoon;
import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalBron;
import nl.bronhub.signal.SignaalCatalogus;
import org.springframework.stereotype.Component;

import static nl.bronhub.processing.Verwerking.datum;
import static nl.bronhub.processing.Verwerking.gevuld;

/**
 * Verifies a pupil with a BSN against the GBA (handbook 7.1): BSN + geboortedatum + geslacht +
 * postcode. A wrong combination is 753 (afkeur); a difference in the postcode only is 770 (attentie),
 * unless the GBA keeps the address secret.
 */
@Component
public class GbaControle implements SignaalBron {

    private final GbaRegister gba;
    private final SignaalCatalogus catalogus;

    public GbaControle(GbaRegister gba, SignaalCatalogus catalogus) {
        this.gba = gba;
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("753", "770");
    }

    public void controleer(Verwerking v) {
        Persoon p = v.leerling();
        if (!gevuld(p.getBurgerservicenummer())) {
            return;
        }
        Optional<GbaPersoon> gevonden = gba.zoekOpBsn(p.getBurgerservicenummer().trim());
        LocalDate geboortedatum = datum(p.getGeboortedatum());
        if (gevonden.isEmpty() || !gevonden.get().geboortedatum().equals(geboortedatum)
                || !gevonden.get().geslacht().equals(p.getGeslacht().trim())) {
            v.voegToe(catalogus.signaal("753", "burgerservicenummer"));
            return;
        }
        if (!gevonden.get().geheim() && gevuld(p.getPostcode()) && !Objects.equals(gevonden.get().postcode(), p.getPostcode().trim())) {
            v.voegToe(catalogus.signaal("770", "postcode"));
        }
    }
}
