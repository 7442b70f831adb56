package nl.bronhub.verwerking;

import org.slf4j.MDC;

/**
 * The correlation id of a bericht in every log line written while the hub works on it (MDC key
 * 'bericht', shown by logging.pattern.correlation): its number in the intake table, which says nothing
 * about the pupil, and which the operator API (geparkeerd) shows as berichtId.
 */
public final class Correlatie {

    public static final String BERICHT = "bericht";

    private Correlatie() {
    }

    public static MDC.MDCCloseable bericht(long berichtId) {
        return MDC.putCloseable(BERICHT, String.valueOf(berichtId));
    }
}
