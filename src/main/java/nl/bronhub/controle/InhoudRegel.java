package nl.bronhub.controle;

import nl.bronhub.verwerking.Reeks;
import nl.bronhub.verwerking.Verwerking;
import nl.bronhub.signaal.SignaalBron;

/**
 * A content rule of the inhoudelijke controle (handbook 6.4). Each rule is a bean the route
 * routes/40-inhoudelijke-controle.camel.yaml calls in turn, on the whole reeks; it adds its signals to each
 * Verwerking.
 */
public interface InhoudRegel extends SignaalBron {

    void controleer(Verwerking verwerking);

    /** Every bericht of the reeks: the content check runs all rules on each, an afkeur stops none of them. */
    default void controleerAlle(Reeks reeks) {
        reeks.elk(this::controleer);
    }
}
