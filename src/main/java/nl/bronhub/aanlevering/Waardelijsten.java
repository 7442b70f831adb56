package nl.bronhub.aanlevering;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/** The handbook's value lists (ch. 11) and the contract's mutatiesoorten. */
public final class Waardelijsten {

    private Waardelijsten() {
    }

    /** GBA land table: Nederland. */
    public static final String NEDERLAND = "6030";

    public static final Set<String> MUTATIESOORT = Set.of("aanmelden", "inschrijven", "wijzigen", "uitschrijven", "verwijderen");
    public static final Set<String> GESLACHT = Set.of("M", "V", "O");
    public static final Set<String> NNCA = Set.of("0", "1", "2");
    public static final Set<String> SOORT_VERBLIJF = Set.of("0", "1", "2", "3", "4", "5", "6");
    /**
     * Soort verblijf on which a pupil is admitted without an indicatiestelling (handbook 8.5): a crisis- (1) or
     * observatieplaats (2), and the residential places (3-6: admitted to an institution).
     */
    public static final Set<String> VERBLIJF_ZONDER_INDICATIE = Set.of("1", "2", "3", "4", "5", "6");
    public static final Set<String> SCHOOLSOORT = Set.of("0", "1", "2");
    public static final Set<String> INDICATIE_BEKOSTIGING = Set.of("J", "N");

    public static final Map<String, String> SOORT_ONDERWIJS = Map.ofEntries(
            entry("00", "niet van toepassing"),
            entry("11", "onderwijs aan visueel gehandicapte kinderen"),
            entry("12", "onderwijs aan visueel gehandicapte kinderen die tevens zeer moeilijk lerend zijn"),
            entry("21", "onderwijs aan dove kinderen"),
            entry("22", "onderwijs aan slechthorende kinderen"),
            entry("23", "onderwijs aan kinderen met ernstige spraakmoeilijkheden"),
            entry("24", "onderwijs aan dove kinderen die tevens zeer moeilijk lerend zijn"),
            entry("25", "onderwijs aan slechthorende kinderen die tevens zeer moeilijk lerend zijn"),
            entry("26", "onderwijs aan doof/blinde kinderen"),
            entry("31", "onderwijs aan langdurig zieke kinderen met een lichamelijke handicap"),
            entry("32", "onderwijs aan lichamelijk gehandicapte kinderen"),
            entry("33", "onderwijs aan zeer moeilijk lerende kinderen"),
            entry("34", "onderwijs aan kinderen met een lichamelijke handicap die tevens zeer moeilijk lerend zijn"),
            entry("41", "onderwijs aan langdurig zieke kinderen anders dan met een lichamelijke handicap"),
            entry("42", "onderwijs aan zeer moeilijk opvoedbare kinderen"),
            entry("43", "onderwijs aan kinderen in scholen verbonden aan pedologische instituten"));

    public static final Map<String, String> ONDERWIJSSOORT_INDICATIE = Map.ofEntries(
            entry("11", "visueel gehandicapt"),
            entry("12", "visueel gehandicapt en tevens zeer moeilijk lerend"),
            entry("21", "doof"),
            entry("22", "slechthorend"),
            entry("23", "ernstige spraakmoeilijkheden"),
            entry("24", "doof en tevens zeer moeilijk lerend"),
            entry("25", "slechthorend en tevens zeer moeilijk lerend"),
            entry("26", "doofblind"),
            entry("31", "langdurig ziek en lichamelijk gehandicapt"),
            entry("32", "lichamelijk gehandicapt"),
            entry("33", "zeer moeilijk lerend"),
            entry("34", "lichamelijk gehandicapt en tevens zeer moeilijk lerend"),
            entry("35", "ZMLK, syndroom van Down"),
            entry("40", "cluster 4: langdurig ziek anders dan lichamelijk gehandicapt of zeer moeilijk opvoedbaar of verbonden aan een pedologisch instituut"),
            entry("44", "cluster 4: afkomstig van een Justitiële Jeugdinrichting"));

    /** Which soorten onderwijs fit an onderwijssoort indicatie (signal 345): same code, clusters 3 and 4 by kind. */
    public static final Map<String, Set<String>> PASSEND_ONDERWIJS = Map.ofEntries(
            entry("11", Set.of("11")), entry("12", Set.of("12")),
            entry("21", Set.of("21")), entry("22", Set.of("22")), entry("23", Set.of("23")), entry("24", Set.of("24")),
            entry("25", Set.of("25")), entry("26", Set.of("26")),
            entry("31", Set.of("31")), entry("32", Set.of("32")), entry("33", Set.of("33")), entry("34", Set.of("34")),
            entry("35", Set.of("33")),
            entry("40", Set.of("41", "42", "43")), entry("44", Set.of("41", "42", "43")));

    /** Indications for which a pupil may start at 3 instead of 4 (deaf and hard of hearing; signal 333). */
    public static final Set<String> VANAF_DRIE_JAAR = Set.of("21", "22", "24", "25", "26");

    /** Cluster 1 (visually impaired) has no REC: no BRIN REC and CVI-nummer (handbook 8.5). */
    public static final Set<String> ZONDER_REC = Set.of("11", "12");

    public static String soortOnderwijs(String code) {
        return SOORT_ONDERWIJS.getOrDefault(code, code);
    }

    public static String onderwijssoortIndicatie(String code) {
        return ONDERWIJSSOORT_INDICATIE.getOrDefault(code, code);
    }
}
