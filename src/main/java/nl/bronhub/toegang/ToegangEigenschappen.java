package nl.bronhub.toegang;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The certificates and mandates known before any request (bron.toegang.*), checked at start.
 *
 * @param bestand the seed read at every start: which certificate may deliver for which aanleverpunten
 */
@Validated
@ConfigurationProperties("bron.toegang")
public record ToegangEigenschappen(@NotBlank String bestand) {
}
