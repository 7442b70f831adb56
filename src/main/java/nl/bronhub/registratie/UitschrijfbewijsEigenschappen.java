package nl.bronhub.registratie;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The digital uitschrijfbewijs (bron.uitschrijfbewijs.*), checked at start.
 *
 * @param aansluitingDagen an inschrijving at another school that starts on the datum uitschrijving or at most this
 *                         many days after it is where the pupil went (62: a pupil leaving before the summer holiday
 *                         and starting after it)
 */
@Validated
@ConfigurationProperties("bron.uitschrijfbewijs")
public record UitschrijfbewijsEigenschappen(@Min(0) @Max(366) @DefaultValue("62") int aansluitingDagen) {
}
