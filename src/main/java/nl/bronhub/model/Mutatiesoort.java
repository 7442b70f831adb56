package nl.bronhub.model;

import java.util.Locale;

/** What a bericht asks of the register (handbook 7.3-7.6); the contract's code in lower case. */
public enum Mutatiesoort {
    AANMELDEN, INSCHRIJVEN, WIJZIGEN, UITSCHRIJVEN, VERWIJDEREN;

    /** The format check has admitted only the five codes. */
    public static Mutatiesoort van(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
