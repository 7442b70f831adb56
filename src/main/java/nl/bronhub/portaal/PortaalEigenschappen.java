package nl.bronhub.portaal;

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
 * The portal's settings (bron.portaal.*), checked at start: a value out of range stops the hub with the key's name.
 *
 * @param poort                 the portal door's port (0: any free one)
 * @param adres                 the address it listens on (127.0.0.1: this machine only)
 * @param wachtwoordbrieven     where first start writes the seeded schools' and boards' letters (empty: nowhere)
 * @param maxMisluktePogingen   failed sign-ins in a row that lock an account
 * @param blokkade              how long a locked account stays locked
 * @param maxMisluktPerAdres    failed sign-ins from one address, for any names, within one blokkade's duration, that
 *                              lock that address for every name (for the blokkade's duration)
 * @param minWachtwoordlengte   the shortest password a school or board may choose (bcrypt reads no more than 72 bytes)
 * @param url                   the portal's address as the schools reach it: the link in every mail
 */
@Validated
@ConfigurationProperties("bron.portaal")
public record PortaalEigenschappen(
        @Min(0) @Max(65535) int poort,
        @NotBlank String adres,
        @DefaultValue("") String wachtwoordbrieven,
        @Min(1) @DefaultValue("5") int maxMisluktePogingen,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT15M") Duration blokkade,
        @Min(2) @DefaultValue("20") int maxMisluktPerAdres,
        @Min(8) @Max(72) @DefaultValue("12") int minWachtwoordlengte,
        @NotBlank @DefaultValue("https://localhost:8445/portaal") String url) {
}
