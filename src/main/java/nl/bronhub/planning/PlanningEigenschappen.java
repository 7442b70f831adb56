package nl.bronhub.planning;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The planning of the connection phase (bron.planning.*, connection plan steps 1 and 5), checked at start.
 *
 * @param capaciteitPerWeek     schools whose phase may start in one week, unless the operator sets that week's own
 * @param tweedeDagenVoorStart  the second vooraankondiging goes out this many days before the start
 * @param handboekUrl           the exchange handbook, linked from the second vooraankondiging
 */
@Validated
@ConfigurationProperties("bron.planning")
public record PlanningEigenschappen(@Min(1) int capaciteitPerWeek, @Min(1) int tweedeDagenVoorStart, @NotBlank String handboekUrl) {
}
