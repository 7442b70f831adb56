package nl.bronhub.verwerking;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Processing of received berichten (bron.verwerking.*), checked at start; the intervals are read by the
 * routes in routes/30-verwerking.camel.yaml, and checked here all the same.
 *
 * @param intervalMs               how often the queue is polled
 * @param startVertragingMs        the first poll after start
 * @param parallelleAanleverpunten aanleverpunten processed side by side
 * @param batch                    waiting berichten of one aanleverpunt taken per poll
 * @param perTransactie            berichten in one reeks, sharing a database transaction
 * @param maxPogingen              attempts before a bericht is parked
 * @param bewaartermijnDagen       days a processed bericht's XML is kept
 * @param opschonenIntervalMs      how often that is cleared
 */
@Validated
@ConfigurationProperties("bron.verwerking")
public record VerwerkingEigenschappen(
        @Min(1) int intervalMs,
        @Min(0) int startVertragingMs,
        @Min(1) @DefaultValue("4") int parallelleAanleverpunten,
        @Min(1) int batch,
        @Min(1) int perTransactie,
        @Min(1) int maxPogingen,
        @Min(0) int bewaartermijnDagen,
        @Min(1) long opschonenIntervalMs) {
}
