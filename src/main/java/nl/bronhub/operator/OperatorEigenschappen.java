package nl.bronhub.operator;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator door's settings (bron.operator.*), checked at start.
 *
 * @param poort                the operator door's port (0: any free one)
 * @param adres                the address it listens on
 * @param gebruiker            the operator's user name for HTTP Basic
 * @param wachtwoord           the operator's password (from the environment; empty: made at first start, kept in wachtwoordbestand)
 * @param wachtwoordbestand    where a made password is kept
 * @param maxFouteWachtwoorden wrong passwords from one address within venster before it is held back
 * @param venster              the window those are counted in
 * @param blokkade             how long an address is held back then
 * @param maxVerzoekBytes      a larger request body is refused (413) before it is read further
 */
@Validated
@ConfigurationProperties("bron.operator")
public record OperatorEigenschappen(
        @Min(0) @Max(65535) int poort,
        @NotBlank String adres,
        @NotBlank String gebruiker,
        @DefaultValue("") String wachtwoord,
        @NotBlank String wachtwoordbestand,
        @Min(1) @DefaultValue("10") int maxFouteWachtwoorden,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration venster,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT5M") Duration blokkade,
        @Min(1024) @DefaultValue("1048576") long maxVerzoekBytes) {
}
