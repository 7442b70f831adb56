package nl.bronhub;

/**
 * Input an operator gave (API or seed file) that the hub refuses, with a message for the operator; nothing is changed.
 * Where the refusal is about one field, {@link #veld()} names it (the operator API's problem details show it).
 */
public class OngeldigeInvoer extends RuntimeException {

    private final String veld;

    public OngeldigeInvoer(String melding) {
        this(null, melding);
    }

    public OngeldigeInvoer(String veld, String melding) {
        super(melding);
        this.veld = veld;
    }

    /** The field (JSON property or parameter) the refusal is about; null when it is about the input as a whole. */
    public String veld() {
        return veld;
    }
}
