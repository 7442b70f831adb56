package nl.bronhub.verwerking;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transactions the routes open. Route verwerk-reeks opens {@code transacted: ref: verwerkingstransactie}: the database's
 * Spring transaction manager, a new transaction per reeks (none is open when a reeks starts), joined by the stage
 * routes it calls.
 */
@Configuration(proxyBeanMethods = false)
public class TransactieConfig {

    @Bean
    public SpringTransactionPolicy verwerkingstransactie(PlatformTransactionManager transactiebeheer) {
        SpringTransactionPolicy beleid = new SpringTransactionPolicy(transactiebeheer);
        beleid.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return beleid;
    }

    /**
     * The transaction of a SOAP request's effect and its audit row (routes aanlevering-vastleggen and
     * terugkoppelingen-bevestigen open it with {@code transacted: ref: verzoektransactie}): one commit per request.
     */
    @Bean
    public SpringTransactionPolicy verzoektransactie(PlatformTransactionManager transactiebeheer) {
        SpringTransactionPolicy beleid = new SpringTransactionPolicy(transactiebeheer);
        beleid.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return beleid;
    }
}
