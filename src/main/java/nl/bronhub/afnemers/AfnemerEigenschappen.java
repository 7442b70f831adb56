package nl.bronhub.afnemers;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The afnemers' deliveries (bron.afnemers.*), checked at start.
 *
 * @param drempel          a count of 1 to drempel-1 pupils is never published
 * @param bestanden        where deliveries are written as files, per afnemer (empty: not offered)
 * @param maxFouteGeheimen wrong secrets from one address within venster before it is held back
 * @param venster          the window those are counted in
 * @param blokkade         how long an address is held back then (429)
 */
@Validated
@ConfigurationProperties("bron.afnemers")
public record AfnemerEigenschappen(
        @Min(2) @DefaultValue("5") int drempel,
        @DefaultValue("") String bestanden,
        @Min(1) @DefaultValue("10") int maxFouteGeheimen,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration venster,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT5M") Duration blokkade) {
}
