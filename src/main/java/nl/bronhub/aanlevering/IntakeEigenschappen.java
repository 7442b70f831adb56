package nl.bronhub.aanlevering;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The LAS door's limits (bron.intake.*), checked at start.
 *
 * @param maxBerichtenPerAanlevering a request with more berichten is refused whole
 * @param maxVerzoekBytes            a larger request is refused (360) before it is parsed
 * @param maxNestingdiepte           elements nested deeper are refused (360); the contract needs about 10
 */
@Validated
@ConfigurationProperties("bron.intake")
public record IntakeEigenschappen(@Min(1) int maxBerichtenPerAanlevering, @Min(1024) long maxVerzoekBytes, @Min(10) int maxNestingdiepte) {
}
