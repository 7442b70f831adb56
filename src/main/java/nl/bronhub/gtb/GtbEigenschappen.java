package nl.bronhub.gtb;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The GTB (bron.gtb.*), checked at start.
 *
 * @param intervalMs                     how often the pupils noted as changed are recomputed (route gtb)
 * @param startVertragingMs              the first time after start
 * @param batch                          pupils per transaction
 * @param schooljarenTerug               school years before the current one the GTB covers
 * @param eersteSchooldagVanaf           the first school day is the first Monday on or after this day of August
 * @param termijnDagen                   a peildatum's GTB is fixed this many days after it (after the phase)
 * @param schooljaarAfgeslotenNaMaanden  a school year is closed this many months after it ends
 * @param signalen                       the GTB signals' texts
 * @param abOpgaven                      the WPO schools' AB lists dropped as files
 */
@Validated
@ConfigurationProperties("bron.gtb")
public record GtbEigenschappen(
        @Min(1) long intervalMs,
        @Min(0) long startVertragingMs,
        @Min(1) @DefaultValue("200") int batch,
        @Min(0) @Max(10) @DefaultValue("2") int schooljarenTerug,
        @Min(1) @Max(31) @DefaultValue("17") int eersteSchooldagVanaf,
        @Min(0) @DefaultValue("28") int termijnDagen,
        @Min(0) @DefaultValue("5") int schooljaarAfgeslotenNaMaanden,
        @NotBlank @DefaultValue("config/gtb-signalen.yaml") String signalen,
        @NotNull @Valid AbOpgaven abOpgaven) {

    /** @param map the directory watched @param intervalMs how often @param maxBytes a larger file is refused unread */
    public record AbOpgaven(@NotBlank String map, @Min(1) long intervalMs, @Min(1) long maxBytes) {
    }
}
