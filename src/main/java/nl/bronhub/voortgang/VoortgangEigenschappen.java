package nl.bronhub.voortgang;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The voortgangsmails (bron.voortgang.*), checked at start.
 *
 * @param intervalMs        how often the planner looks for mails due (route voortgangsmails)
 * @param startVertragingMs its first look after start
 * @param sjablonen         the directory of the mail templates
 * @param verwachting       the percentage of its normaantal a score must reach to count as expected
 * @param herhaalNaMs       the first retry after an SMTP failure (doubling, up to an hour)
 */
@Validated
@ConfigurationProperties("bron.voortgang")
public record VoortgangEigenschappen(@Min(1) long intervalMs, @Min(0) long startVertragingMs, @NotBlank String sjablonen,
                                     @NotNull @Valid Verwachting verwachting, @Min(1) long herhaalNaMs) {

    /** @param week3 the expected percentage after week 3 @param week6 after week 6 */
    public record Verwachting(@Min(0) @Max(100) int week3, @Min(0) @Max(100) int week6) {
    }
}
