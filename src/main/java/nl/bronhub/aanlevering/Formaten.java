package nl.bronhub.aanlevering;

import java.util.regex.Pattern;

/** The handbook's field formats, one definition for the format check, the GBA feed and the registry. */
public final class Formaten {

    private Formaten() {
    }

    public static final Pattern BRIN = Pattern.compile("[0-9]{2}[A-Z0-9]{2}");
    /**
     * A CVI-nummer (the indication committee's file number): letters and digits, with -, / or . between them. It is
     * stored and repeated in terugkoppelingen and the registratieoverzicht, so free text (a formula, HTML, an invisible
     * character) is 742 here as in a name.
     */
    public static final Pattern CVI_NUMMER = Pattern.compile("[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*");
    public static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    /** An aanleverpuntnummer: 1 to 5 digits. */
    public static final Pattern NUMMER = Pattern.compile("[0-9]{1,5}");
    /** A huisnummer: 1 to 99999, without a leading zero (no house has number 0). */
    public static final Pattern HUISNUMMER = Pattern.compile("[1-9][0-9]{0,4}");
}
