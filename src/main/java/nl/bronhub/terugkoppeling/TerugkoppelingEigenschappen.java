package nl.bronhub.terugkoppeling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The terugkoppeling queue (bron.terugkoppeling.*), checked at start.
 *
 * @param paginaGrootte        terugkoppelingen per fetch
 * @param bewaartermijnDagen   acknowledged terugkoppelingen are purged after this many days
 * @param opschonenIntervalMs  how often (route terugkoppelingen-opschonen)
 */
@Validated
@ConfigurationProperties("bron.terugkoppeling")
public record TerugkoppelingEigenschappen(@Min(1) @Max(10000) int paginaGrootte, @Min(0) int bewaartermijnDagen, @Min(1) long opschonenIntervalMs) {
}
