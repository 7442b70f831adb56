package nl.bronhub.gtb;

import java.util.Map;

import nl.bronhub.ConfigLezer;
import org.springframework.stereotype.Component;

/**
 * The texts of the GTB signals (handbook §10.2), from the operators' config/gtb-signalen.yaml. The hub
 * refuses to start when a signal the rules can give has no text.
 */
@Component
public class GtbSignalen {

    public record Tekst(boolean telt, String tekst) {
    }

    record Bestand(Map<Integer, Tekst> signalen) {
    }

    private final Map<Integer, Tekst> signalen;

    public GtbSignalen(GtbEigenschappen eigenschappen, ConfigLezer config) {
        String bestand = eigenschappen.signalen();
        this.signalen = Map.copyOf(config.lees(bestand, Bestand.class, "GTB signal catalogue").signalen());
        for (int code : GtbRegels.SIGNALEN) {
            if (!signalen.containsKey(code)) {
                throw new IllegalStateException("GTB signal " + code + " has no text in " + bestand);
            }
        }
    }

    public boolean telt(int code) {
        return signalen.get(code).telt();
    }

    public String tekst(int code, String scholen) {
        return signalen.get(code).tekst().replace("{scholen}", scholen == null ? "" : scholen);
    }
}
