package nl.bronhub.aanlevering;

import java.util.regex.Pattern;

/** The handbook's field formats, one definition for the format check, the GBA feed and the registry. */
public final class Formaten {

    private Formaten() {
    }

    public static final Pattern BRIN = Pattern.compile("[0-9]{2}[A-Z0-9]{2}");
    public static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    /** A huisnummer, and also an aanleverpuntnummer: 1 to 5 digits. */
    public static final Pattern NUMMER = Pattern.compile("[0-9]{1,5}");
}
