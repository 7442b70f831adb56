package nl.bronhub;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The hub's clock for everything that is about dates (today, school years, the connection phase).
 * The real time by default; a fixed moment (bron.klok.vast) for demonstrations, which tests move on to
 * live through the ten weeks of a connection phase in seconds. Waiting times (retries) use the
 * machine's clock instead.
 */
public class HubKlok extends Clock {

    private final ZoneId zone;
    private volatile Instant vast;

    public HubKlok(ZoneId zone, Instant vast) {
        this.zone = zone;
        this.vast = vast;
    }

    /** Moves a fixed clock to this moment (or back to the real time with null). */
    public void zet(Instant moment) {
        this.vast = moment;
    }

    @Override
    public Instant instant() {
        Instant moment = vast;
        return moment != null ? moment : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new HubKlok(zone, vast);
    }
}
