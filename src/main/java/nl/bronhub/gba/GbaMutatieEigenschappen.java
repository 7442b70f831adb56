package nl.bronhub.gba;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The GBA change feed (bron.gba.mutaties.*, route gba-mutaties), checked at start.
 *
 * @param map        the directory watched
 * @param intervalMs how often
 * @param maxBytes   a larger file is refused whole
 * @param maxRegels  a file with more lines is refused whole
 */
@Validated
@ConfigurationProperties("bron.gba.mutaties")
public record GbaMutatieEigenschappen(@NotBlank String map, @Min(1) long intervalMs, @Min(1) long maxBytes,
                                      @Min(1) @DefaultValue("100000") int maxRegels) {
}
