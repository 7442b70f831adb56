package nl.bronhub.gba;

import java.time.Duration;

/**
 * The person register gave no answer: it is down, too slow, overloaded, its circuit is open, or it refuses the
 * hub (a wrong API key). Not an answer about the person, so the bericht gets no signal: it waits {@code wacht}
 * and is asked about again, as often as it takes (GbaVraag), without counting towards parking. The message is of
 * the hub's own making and never names a person.
 */
public class GbaOnbereikbaar extends RuntimeException {

    private final transient Duration wacht;

    public GbaOnbereikbaar(String reden, Duration wacht, Throwable oorzaak) {
        super(reden, oorzaak);
        this.wacht = wacht;
    }

    /** How long the bericht waits before it is tried again. */
    public Duration wacht() {
        return wacht;
    }
}
