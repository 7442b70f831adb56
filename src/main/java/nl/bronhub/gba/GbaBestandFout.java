package nl.bronhub.gba;

/** A GBA change file that cannot be applied; the message names the line and field, never a value. */
public class GbaBestandFout extends RuntimeException {

    public GbaBestandFout(String reden) {
        super(reden);
    }
}
