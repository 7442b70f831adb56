package nl.bronhub.gba;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Haal Centraal BRP Personen client (bron.gba.brp.*), bound and checked at start only when
 * bron.gba.register is brp: a wrong or missing value stops the start naming its key.
 *
 * @param basisUrl            the API's base; the client POSTs to {basisUrl}/personen. HTTPS only: the answers are
 *                            personal data
 * @param apiSleutel          sent as X-API-KEY; from the environment (the shipped config reads BRON_BRP_API_SLEUTEL),
 *                            never committed
 * @param sslBundle           a Spring SSL bundle (spring.ssl.bundle.*) whose truststore checks the BRP's
 *                            certificate, and whose key store, when it has one, is shown as the hub's client
 *                            certificate; empty: the JVM's trusted CAs, no client certificate
 * @param verbindTimeout      at most this long to open a connection
 * @param leesTimeout         at most this long for the whole answer once asked
 * @param pogingen            attempts per look-up (1: no retry) when the register is down, slow or answers 5xx/429
 * @param wachtTussenPogingen the pause between two attempts
 * @param wachtBijStoring     how long a bericht waits before it is asked about again when the register gave no answer
 * @param circuit             when the client stops asking for a while
 */
@Validated
@ConditionalOnProperty(name = "bron.gba.register", havingValue = "brp")
@ConfigurationProperties("bron.gba.brp")
public record BrpEigenschappen(
        @NotBlank @Pattern(regexp = "https://[^\\s?#]+", message = "must be an https:// URL without query or fragment")
        String basisUrl,
        @NotBlank String apiSleutel,
        @DefaultValue("") String sslBundle,
        @NotNull @DurationMin(millis = 50) @DurationMax(minutes = 1) @DefaultValue("PT2S") Duration verbindTimeout,
        @NotNull @DurationMin(millis = 50) @DurationMax(minutes = 2) @DefaultValue("PT5S") Duration leesTimeout,
        @Min(1) @Max(10) @DefaultValue("3") int pogingen,
        @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 1) @DefaultValue("PT0.5S") Duration wachtTussenPogingen,
        @NotNull @DurationMin(millis = 100) @DurationMax(hours = 1) @DefaultValue("PT10S") Duration wachtBijStoring,
        @NotNull @Valid @DefaultValue Circuit circuit) {

    /**
     * The circuit breaker: over the last {@code venster} look-ups (at least {@code minimumAanroepen} of them), when
     * {@code faalpercentage} percent failed (no answer), it opens: for {@code open} no look-up is made and berichten
     * wait; then {@code proefAanroepen} look-ups try the register, and it closes when they succeed.
     */
    public record Circuit(
            @Min(1) @Max(100) @DefaultValue("50") int faalpercentage,
            @Min(1) @Max(1000) @DefaultValue("20") int venster,
            @Min(1) @Max(1000) @DefaultValue("5") int minimumAanroepen,
            @NotNull @DurationMin(millis = 100) @DurationMax(hours = 1) @DefaultValue("PT30S") Duration open,
            @Min(1) @Max(100) @DefaultValue("2") int proefAanroepen) {
    }
}
