package nl.bronhub.intake;

import java.util.Set;

/** The handbook's value lists (ch. 11) and the contract's mutatiesoorten. */
public final class Waardelijsten {

    private Waardelijsten() {
    }

    public static final Set<String> MUTATIESOORT = Set.of("aanmelden", "inschrijven", "wijzigen", "uitschrijven", "verwijderen");
    public static final Set<String> GESLACHT = Set.of("M", "V", "O");
    public static final Set<String> NNCA = Set.of("0", "1", "2");
    public static final Set<String> SOORT_VERBLIJF = Set.of("0", "1", "2", "3", "4", "5", "6");
    public static final Set<String> SCHOOLSOORT = Set.of("0", "1", "2");
    public static final Set<String> INDICATIE_BEKOSTIGING = Set.of("J", "N");
    public static final Set<String> SOORT_ONDERWIJS = Set.of("00", "11", "12", "21", "22", "23", "24", "25", "26",
            "31", "32", "33", "34", "41", "42", "43");
    public static final Set<String> ONDERWIJSSOORT_INDICATIE = Set.of("11", "12", "21", "22", "23", "24", "25", "26",
            "31", "32", "33", "34", "35", "40", "44");
}
