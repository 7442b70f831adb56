package nl.bronhub.aanlevering;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LAS door's limits (bron.intake.*), checked at start.
 *
 * @param maxBerichtenPerAanlevering   a request with more berichten is refused whole
 * @param maxVerzoekBytes              a larger request is refused (360) before it is parsed
 * @param maxNestingdiepte             elements nested deeper are refused (360); the contract needs about 10
 * @param maxGelijktijdigPerCertificaat requests of one LAS certificate the door serves at once; one more is answered
 *                                     358 (send again) at once, so one sender cannot hold every request thread
 * @param maxLeestijd                  a request body that has not arrived whole in this time is refused (360)
 */
@Validated
@ConfigurationProperties("bron.intake")
public record IntakeEigenschappen(@Min(1) int maxBerichtenPerAanlevering, @Min(1024) long maxVerzoekBytes, @Min(10) int maxNestingdiepte,
                                  @DefaultValue("64") @Min(1) int maxGelijktijdigPerCertificaat,
                                  @DefaultValue("PT30S") @NotNull Duration maxLeestijd) {
}
