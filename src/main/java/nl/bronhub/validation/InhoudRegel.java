package nl.bronhub.validation;

import nl.bronhub.processing.Verwerking;
import nl.bronhub.signal.SignaalBron;

/**
 * A content rule of the inhoudelijke controle (handbook 6.4). Each rule is a bean the route
 * routes/40-inhoudelijke-controle.camel.yaml calls in turn; it adds its signals to the Verwerking.
 */
public interface InhoudRegel extends SignaalBron {

    void controleer(Verwerking verwerking);
}
