package nl.bronhub;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nl.bronhub.verwerking.VerwerkingEigenschappen;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class HubConfig {

    /** The hub's clock; a fixed instant (bron.klok.vast) makes demonstrations and tests repeatable. */
    @Bean
    public HubKlok klok(KlokEigenschappen klok) {
        if (klok.vast() != null) {
            // said once at start: an operator otherwise only notices the fixed date from what the hub does with it
            LoggerFactory.getLogger(HubConfig.class).info("The hub's clock is fixed at {} (bron.klok.vast): dates, phases and "
                    + "mails follow it, not the real time", klok.vast());
        }
        return new HubKlok(klok.zone(), klok.vast());
    }

    /** Threads for processing different aanleverpunten side by side. */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService verwerkingPool(VerwerkingEigenschappen verwerking) {
        return Executors.newFixedThreadPool(verwerking.parallelleAanleverpunten(), r -> {
            Thread t = new Thread(r, "verwerking");
            t.setDaemon(true);
            return t;
        });
    }
}
