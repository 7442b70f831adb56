package nl.bronhub.model;

/**
 * The six groups of an inschrijving that carry history (handbook 8.1-8.4): each a list of occurrences
 * with an ingangsdatum. The one definition of them: the register's column value, and the name the
 * handbook and the LAS know them by (in signals), in the handbook's order.
 */
public enum Groep {
    VESTIGING("vestiging", "vestiging", "Datum ingang plaatsing vestiging"),
    LEERJAAR("leerjaar", "leerjaar/groep", "Datum ingang leerjaar/groep"),
    SOORT_VERBLIJF("soort_verblijf", "soort verblijf", "Datum ingang soort verblijf"),
    SCHOOLSOORT("schoolsoort", "schoolsoort", "Datum ingang schoolsoort"),
    SOORT_ONDERWIJS("soort_onderwijs", "soort onderwijs", "Datum ingang soort onderwijs"),
    INDICATIE_BEKOSTIGING("indicatie_bekostiging", "indicatie bekostiging", "Datum ingang indicatie bekostiging");

    private final String opslag;
    private final String naam;
    private final String ingangsgegeven;

    Groep(String opslag, String naam, String ingangsgegeven) {
        this.opslag = opslag;
        this.naam = naam;
        this.ingangsgegeven = ingangsgegeven;
    }

    /** The value of inschrijving_groep.groep. */
    public String opslag() {
        return opslag;
    }

    /** The handbook's name, as signals name the group. */
    public String naam() {
        return naam;
    }

    /** The handbook's name of the group's ingangsdatum. */
    public String ingangsgegeven() {
        return ingangsgegeven;
    }

    public static Groep uitOpslag(String opslag) {
        for (Groep g : values()) {
            if (g.opslag.equals(opslag)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown group in the register");
    }
}
