package nl.bronhub.referentie;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reference data (bron.referentie.*), checked at start.
 *
 * @param instellingen the register of schools, their vestigingen and soorten onderwijs per period
 */
@Validated
@ConfigurationProperties("bron.referentie")
public record ReferentieEigenschappen(@NotBlank String instellingen) {
}
