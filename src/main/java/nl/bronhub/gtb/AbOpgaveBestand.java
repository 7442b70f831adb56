package nl.bronhub.gtb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.intake.Formaten;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * A WPO school's AB list from its form, as a file an operator drops: {@code <BRIN>.csv}, a line per
 * pupil {@code pgn;brinWec;ingangsdatum} (the date as JJJJ-MM-DD, or empty), with an optional header line
 * and {@code #} comments. It replaces the school's list, as PUT /operator/scholen/{brin}/ab-opgave does.
 */
@Component
public class AbOpgaveBestand {

    private final AbVergelijking abVergelijking;

    public AbOpgaveBestand(AbVergelijking abVergelijking) {
        this.abVergelijking = abVergelijking;
    }

    public int importeer(@Header("CamelFileName") String bestand, String inhoud) {
        String brin = bestand.replaceFirst("(?i)\\.csv$", "").toUpperCase();
        if (!Formaten.BRIN.matcher(brin).matches()) {
            throw new OngeldigeInvoer("de bestandsnaam moet het BRIN-nummer van de school zijn, bijv. 00AA.csv");
        }
        List<AbVergelijking.Opgave> opgaven = new ArrayList<>();
        String[] regels = inhoud.split("\\R");
        for (int nummer = 1; nummer <= regels.length; nummer++) {
            String regel = regels[nummer - 1].strip();
            if (regel.isEmpty() || regel.startsWith("#") || (nummer == 1 && regel.toLowerCase().startsWith("pgn"))) {
                continue;
            }
            String[] velden = regel.split(";", -1);
            if (velden.length != 3) {
                throw new OngeldigeInvoer("regel " + nummer + ": verwacht pgn;brinWec;ingangsdatum");
            }
            LocalDate ingang = null;
            if (!velden[2].isBlank()) {
                try {
                    ingang = LocalDate.parse(velden[2].strip());
                } catch (DateTimeParseException geenDatum) {
                    throw new OngeldigeInvoer("regel " + nummer + ": ingangsdatum moet JJJJ-MM-DD zijn");
                }
            }
            AbVergelijking.Opgave opgave = new AbVergelijking.Opgave(velden[0].strip(), velden[1].strip().toUpperCase(), ingang);
            AbVergelijking.controleer(nummer, opgave);
            opgaven.add(opgave);
        }
        return abVergelijking.importeer(brin, opgaven);
    }
}
