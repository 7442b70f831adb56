package nl.bronhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** bron-hub: plays BRON for primary and special education. The pipeline wiring is in routes/. */
@SpringBootApplication
// the settings of each stage as typed records, checked at start (e.g. portal.PortaalEigenschappen)
@ConfigurationPropertiesScan
public class BronHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(BronHubApplication.class, args);
    }
}
