package nl.bronhub.gba;

import java.util.List;
import java.util.Optional;

import nl.bronhub.model.GbaAntwoord;
import nl.bronhub.model.Leerling;
import nl.bronhub.verwerking.Correlatie;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.verwerking.Werkvoorraad;
import org.springframework.stereotype.Component;

/**
 * Asks the person register about a bericht's pupil, once, before the aanleverpunt's lock is taken: in
 * production that is a remote call, which must not hold up the aanleverpunt's queue. GbaControle,
 * AdresRegels and Identificatie read the answer the bericht carries.
 */
@Component
public class GbaVraag {

    private final GbaRegister gba;

    public GbaVraag(GbaRegister gba) {
        this.gba = gba;
    }

    public void vraag(Verwerking v) {
        // a pupil whose onderwijsnummer the register linked to a BSN: the register takes the GBA's data, as for any BSN
        v.setGba(v.getGekoppeldBsn() != null && v.leerling().bsn() == null
                ? new GbaAntwoord(gba.zoekOpBsn(v.getGekoppeldBsn()), List.of()) : vraag(v.leerling()));
    }

    /**
     * Every bericht of the werkvoorraad; when the register cannot be asked about one, that one and the ones after
     * it wait: when the register gave no answer (down, slow, its circuit open) as long as it takes, else it is
     * retried with back-off, like a failure in the transaction.
     */
    public void vraagAlle(Werkvoorraad werkvoorraad) {
        for (Verwerking v : werkvoorraad.getBerichten()) {
            try (var correlatie = Correlatie.bericht(v.getBerichtId())) {
                vraag(v);
            } catch (GbaOnbereikbaar e) {
                // no answer is not 'unknown': it and the ones after it wait, and no attempt is counted
                werkvoorraad.nietGevraagd(v, e, e.wacht());
                return;
            } catch (RuntimeException e) {
                werkvoorraad.nietGevraagd(v, e);
                return;
            }
        }
    }

    GbaAntwoord vraag(Leerling l) {
        if (l.bsn() != null) {
            return new GbaAntwoord(gba.zoekOpBsn(l.bsn()), List.of());
        }
        if (l.onderwijsnummer() == null && !l.buitenland() && l.postcode() != null) {
            return new GbaAntwoord(Optional.empty(), gba.zoekOpNaamEnGeboortedatum(l.achternaam(), l.geboortedatum()));
        }
        return GbaAntwoord.NIETS;
    }
}
