package nl.bronhub;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration
public class HubConfig {

    /** The hub's clock; a fixed instant (bron.klok.vast) makes demonstrations and tests repeatable. */
    @Bean
    public HubKlok klok(@Value("${bron.klok.vast:}") String vast, @Value("${bron.klok.zone:Europe/Amsterdam}") String zone) {
        return new HubKlok(ZoneId.of(zone), StringUtils.hasText(vast) ? Instant.parse(vast) : null);
    }

    /** Threads for processing different aanleverpunten side by side. */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService verwerkingPool(nl.bronhub.verwerking.VerwerkingEigenschappen verwerking) {
        return Executors.newFixedThreadPool(verwerking.parallelleAanleverpunten(), r -> {
            Thread t = new Thread(r, "verwerking");
            t.setDaemon(true);
            return t;
        });
    }
}
