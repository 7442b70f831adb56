package nl.bronhub;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's clock (bron.klok.*), checked at start: a zone or an instant that cannot be read stops the start.
 *
 * @param vast an instant the clock stands still at (ISO-8601, e.g. 2026-10-05T09:00:00Z), for demonstrations and
 *             tests; empty: the real time
 * @param zone the time zone the school calendar is read in
 */
@Validated
@ConfigurationProperties("bron.klok")
public record KlokEigenschappen(Instant vast, @NotNull @DefaultValue("Europe/Amsterdam") ZoneId zone) {
}
