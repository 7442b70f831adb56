package nl.bronhub.gtb;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.bronhub.Afleverbestanden;
import nl.bronhub.OngeldigeInvoer;
import nl.bronhub.aanlevering.FormaatControle;
import nl.bronhub.aanlevering.Pgn;
import nl.bronhub.referentie.Instelling;
import nl.bronhub.referentie.Instellingen;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * A WPO school's AB list from its form, as a file an operator drops: {@code <BRIN>.csv} (the BRIN as the
 * reference register writes it, upper case), a line per pupil {@code pgn;brinWec;ingangsdatum} (the date
 * as JJJJ-MM-DD, or empty), with an optional header line and {@code #} comments. It replaces the
 * school's list, as PUT /operator/scholen/{brin}/ab-opgave does; a file with only the header clears it.
 * The school must be a WPO school in the register today; each brinWec a WEC or VGK institution valid on
 * the ingangsdatum (or today); a pupil and WEC school once per file.
 */
@Component
public class AbOpgaveBestand {

    private static final Pattern NAAM = Pattern.compile("([0-9]{2}[A-Z0-9]{2})\\.csv");
    private static final List<String> VELDEN = List.of("pgn", "brinWec", "ingangsdatum");
    private static final LocalDate VROEGSTE_INGANG = LocalDate.of(1990, 1, 1);

    private final AbVergelijking abVergelijking;
    private final Instellingen instellingen;
    private final Clock klok;

    public AbOpgaveBestand(AbVergelijking abVergelijking, Instellingen instellingen, Clock klok) {
        this.abVergelijking = abVergelijking;
        this.instellingen = instellingen;
        this.klok = klok;
    }

    /** The school the file is for, by its name; checked before the file is read. */
    public String controleerNaam(@Header("CamelFileName") String bestand) {
        var naam = NAAM.matcher(bestand);
        if (!naam.matches()) {
            throw new OngeldigeInvoer("bestandsnaam: de bestandsnaam moet het BRIN-nummer van de school zijn, bijv. 00AA.csv "
                    + "(in hoofdletters, zoals in het BRIN-register)");
        }
        try {
            return controleerSchool(naam.group(1));
        } catch (OngeldigeInvoer fout) {
            throw new OngeldigeInvoer("bestandsnaam: " + fout.getMessage());
        }
    }

    /** The school a list is for: in the register, open today, and a WPO school (only they give an AB-opgave). */
    public String controleerSchool(String brin) {
        LocalDate vandaag = LocalDate.now(klok);
        Optional<Instelling> school = instellingen.zoek(brin);
        if (school.isEmpty()) {
            throw new OngeldigeInvoer("school " + brin + " staat niet in het BRIN-register");
        }
        if (!school.get().geldigOp(vandaag)) {
            throw new OngeldigeInvoer("school " + brin + " is opgeheven (niet geldig op " + vandaag + ")");
        }
        if (!school.get().isEen(Instelling.Soort.WPO)) {
            throw new OngeldigeInvoer("school " + brin + " is geen WPO-school; alleen WPO-scholen geven een AB-opgave");
        }
        return brin;
    }

    /**
     * The operator API's list (PUT /operator/scholen/{brin}/ab-opgave): the same checks as a file, line by line (the
     * list's first entry is regel 1), and refused whole when one fails.
     */
    public int importeerLijst(String brin, List<AbVergelijking.Opgave> opgaven) {
        controleerSchool(brin);
        LocalDate vandaag = LocalDate.now(klok);
        Map<String, Integer> gezien = new HashMap<>();
        for (int nummer = 1; nummer <= opgaven.size(); nummer++) {
            AbVergelijking.Opgave opgave = opgaven.get(nummer - 1);
            if (opgave == null) {
                throw new OngeldigeInvoer("regel " + nummer + ": ontbreekt (verwacht pgn, brinWec en ingangsdatum)");
            }
            controleerIngang(nummer, opgave.ingangsdatum(), vandaag);
            controleer(nummer, opgave, vandaag, gezien);
        }
        return abVergelijking.importeer(brin, opgaven);
    }

    private static void controleerIngang(int nummer, LocalDate ingang, LocalDate vandaag) {
        if (ingang != null && (ingang.isBefore(VROEGSTE_INGANG) || ingang.isAfter(vandaag.plusYears(1)))) {
            throw new OngeldigeInvoer("regel " + nummer + ": ingangsdatum ligt voor " + VROEGSTE_INGANG
                    + " of meer dan een jaar na vandaag");
        }
    }

    /** One line's content, for a file and the API alike: the numbers, the WEC or VGK school, no line twice. */
    private void controleer(int nummer, AbVergelijking.Opgave opgave, LocalDate vandaag, Map<String, Integer> gezien) {
        AbVergelijking.controleer(nummer, opgave);
        if (!Pgn.isGeldigBsn(opgave.pgn()) && !Pgn.isGeldigOnderwijsnummer(opgave.pgn())) {
            throw new OngeldigeInvoer("regel " + nummer + ": pgn is geen geldig BSN of onderwijsnummer (elfproef)");
        }
        LocalDate op = opgave.ingangsdatum() != null ? opgave.ingangsdatum() : vandaag;
        if (instellingen.zoek(opgave.brinWec()).filter(i -> i.isEen(Instelling.Soort.WEC, Instelling.Soort.VGK))
                .filter(i -> i.geldigOp(op)).isEmpty()) {
            throw new OngeldigeInvoer("regel " + nummer + ": brinWec is geen WEC- of VGK-instelling die in het BRIN-register "
                    + "staat en geldig is op de ingangsdatum (of vandaag)");
        }
        Integer eerder = gezien.putIfAbsent(opgave.pgn() + "|" + opgave.brinWec(), nummer);
        if (eerder != null) {
            throw new OngeldigeInvoer("regel " + nummer + ": pgn en brinWec staan ook op regel " + eerder);
        }
    }

    public int importeer(@Header("CamelFileName") String bestand, String inhoud) {
        String brin = controleerNaam(bestand);
        LocalDate vandaag = LocalDate.now(klok);
        Afleverbestanden.controleerTekens(inhoud, VELDEN);
        List<AbVergelijking.Opgave> opgaven = new ArrayList<>();
        Map<String, Integer> gezien = new HashMap<>();
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
                    ingang = FormaatControle.datum(velden[2].strip());
                } catch (DateTimeParseException geenDatum) {
                    throw new OngeldigeInvoer("regel " + nummer + ": ingangsdatum moet JJJJ-MM-DD zijn");
                }
                controleerIngang(nummer, ingang, vandaag);
            }
            AbVergelijking.Opgave opgave = new AbVergelijking.Opgave(velden[0].strip(), velden[1].strip().toUpperCase(), ingang);
            controleer(nummer, opgave, vandaag, gezien);
            opgaven.add(opgave);
        }
        return abVergelijking.importeer(brin, opgaven);
    }
}
