package nl.bronhub.signaal;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The signal catalogue (bron.signalen.*), checked at start.
 *
 * @param bestand the catalogue's file: every signal's code, ernst and text as the LAS reads them
 */
@Validated
@ConfigurationProperties("bron.signalen")
public record SignaalEigenschappen(@NotBlank String bestand) {
}
