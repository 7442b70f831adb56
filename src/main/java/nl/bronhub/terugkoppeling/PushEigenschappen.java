package nl.bronhub.terugkoppeling;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Push delivery of terugkoppelingen to a LAS's registered endpoint (bron.terugkoppeling.push.*), checked at start;
 * the interval is read by routes/75-terugkoppeling-push.camel.yaml.
 *
 * @param sslBundle          the Spring SSL bundle (spring.ssl.bundle.*) the hub connects with: its key store holds the
 *                           client certificate the hub shows, its trust store the CAs of the LAS endpoints' certificates
 * @param intervalMs         how often the route looks for terugkoppelingen to deliver
 * @param verbindTimeoutMs   at most this long to set up a connection (TCP and TLS)
 * @param antwoordTimeoutMs  at most this long for the endpoint's answer
 * @param eersteWachttijdMs  the wait after a first failure; each further failure doubles it
 * @param maxWachttijdMs     the longest wait between two attempts
 * @param perRonde           terugkoppelingen delivered to one endpoint in one round at most (the others wait a round)
 */
@Validated
@ConfigurationProperties("bron.terugkoppeling.push")
public record PushEigenschappen(
        @NotBlank String sslBundle,
        @Min(1) long intervalMs,
        @Min(1) @Max(120000) int verbindTimeoutMs,
        @Min(1) @Max(600000) int antwoordTimeoutMs,
        @Min(1) long eersteWachttijdMs,
        @Min(1) long maxWachttijdMs,
        @Min(1) @Max(10000) int perRonde) {

    @AssertTrue(message = "max-wachttijd-ms is kleiner dan eerste-wachttijd-ms")
    public boolean isWachttijdenOplopend() {
        return maxWachttijdMs >= eersteWachttijdMs;
    }
}
