package nl.bronhub.opslag;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded H2 file's upkeep (bron.opslag.h2.*, route opslag-onderhoud), checked at start.
 *
 * @param vulgraad            chunks with less live data than this percentage are rewritten
 * @param herschrijvenBytes   bytes rewritten per round
 * @param onderhoudIntervalMs how often a round runs
 */
@Validated
@ConfigurationProperties("bron.opslag.h2")
public record OpslagEigenschappen(@Min(1) @Max(100) @DefaultValue("80") int vulgraad,
                                  @Min(1) @DefaultValue("8388608") int herschrijvenBytes,
                                  @Min(1) @DefaultValue("1000") long onderhoudIntervalMs) {
}
