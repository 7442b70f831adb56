package nl.bronhub.voortgang;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The connection phase of an aanleverpunt (connection plan): ten working weeks from the
 * wachtwoordbrief date. Week k ends k weeks after that date (calendar weeks; public holidays are not
 * counted out).
 */
public record Fase(LocalDate wachtwoordbrief, ZoneId zone) {

    public static final int WEKEN = 10;

    public Instant eindeVanWeek(int week) {
        return wachtwoordbrief.plusWeeks(week).atStartOfDay(zone).toInstant();
    }

    /**
     * Whether the mail of this week is due now: its week has ended, and the next mail's week has not
     * (week 3 no longer once week 6 has ended; week 6 no longer once the phase is over).
     */
    public boolean isMailAanDeBeurt(int week, int volgendeWeek, Instant nu) {
        return !nu.isBefore(eindeVanWeek(week)) && nu.isBefore(eindeVanWeek(volgendeWeek));
    }
}
