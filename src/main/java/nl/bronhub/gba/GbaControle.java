package nl.bronhub.gba;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.bronhub.model.GbaPersoon;
import nl.bronhub.model.Leerling;
import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalBron;
import nl.bronhub.signaal.SignaalCatalogus;
import org.springframework.stereotype.Component;

/**
 * Verifies a pupil with a BSN against the GBA (handbook 7.1): BSN + geboortedatum + geslacht +
 * postcode, on the answer GbaVraag got. A wrong combination is 753 (afkeur); a difference in the postcode
 * only is 770 (attentie), unless the GBA keeps the address secret.
 */
@Component
public class GbaControle implements SignaalBron {

    private final SignaalCatalogus catalogus;

    public GbaControle(SignaalCatalogus catalogus) {
        this.catalogus = catalogus;
    }

    @Override
    public Set<String> signaalcodes() {
        return Set.of("753", "770");
    }

    /** Each bericht of the reeks the content check let through. */
    public void controleerAlle(Reeks reeks) {
        reeks.elkNietAfgekeurd(this::controleer);
    }

    public void controleer(Verwerking v) {
        Leerling p = v.leerling();
        if (p.bsn() == null) {
            return;
        }
        Optional<GbaPersoon> gevonden = v.gba().opBsn();
        // a BRP may hold a birth date partly unknown (no date then) or no geslacht: no match
        if (gevonden.isEmpty() || !p.geboortedatum().equals(gevonden.get().geboortedatum())
                || !p.geslacht().equals(gevonden.get().geslacht())) {
            v.voegToe(catalogus.signaal("753", "burgerservicenummer"));
            return;
        }
        v.bevestigSleutel();
        // a secret address, by the GBA or by the school's own word (handbook 7.2.4: "als u aangeeft dat het adres van de
        // leerling geheim is koppelt BRON geen signaal terug"), is not compared
        if (!gevonden.get().geheim() && !p.adresGeheim() && p.postcode() != null && !Objects.equals(gevonden.get().postcode(), p.postcode())) {
            v.voegToe(catalogus.signaal("770", "postcode"));
        }
    }
}
