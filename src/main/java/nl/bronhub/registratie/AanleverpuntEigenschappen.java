package nl.bronhub.registratie;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The aanleverpunten known before any delivery (bron.aanleverpunten.*), checked at start.
 *
 * @param bestand the seed read at every start: each aanleverpunt's school, gemachtigde and planning
 */
@Validated
@ConfigurationProperties("bron.aanleverpunten")
public record AanleverpuntEigenschappen(@NotBlank String bestand) {
}
