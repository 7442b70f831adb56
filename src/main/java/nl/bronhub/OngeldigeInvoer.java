package nl.bronhub;

/** Input an operator gave (API or seed file) that the hub refuses, with a message for the operator; nothing is changed. */
public class OngeldigeInvoer extends RuntimeException {

    public OngeldigeInvoer(String melding) {
        super(melding);
    }
}
