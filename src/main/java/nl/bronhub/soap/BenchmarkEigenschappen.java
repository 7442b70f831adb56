package nl.bronhub.soap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The benchmark's switch (bron.benchmark.*): kept with the LAS door, whose limits it lifts for its bare endpoint.
 *
 * @param echo the bare CXF echo endpoint at /services/echo (the benchmark's ceiling); never in production
 */
@ConfigurationProperties("bron.benchmark")
public record BenchmarkEigenschappen(@DefaultValue("false") boolean echo) {
}
