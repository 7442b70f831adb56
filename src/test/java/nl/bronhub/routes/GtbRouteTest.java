package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/96-gtb, two timers: the recomputation checks its standing first and then works batch after batch until
 * nothing is noted; the fixing of GTBs whose term passed (gtb-vaststelling) runs on its own timer in this file.
 */
class GtbRouteTest extends RouteTestBasis {

    @BeforeEach
    void routes() throws Exception {
        dubbel("gtbHerberekening", new GtbHerberekening());
        dubbel("gtbVaststelling", new Stap());
        laad("96-gtb.camel.yaml");
    }

    @Test
    void aRoundRecomputesBatchAfterBatchUntilNothingIsNoted() throws Exception {
        context.getRouteDefinition("gtb-vaststelling").setAutoStartup("false");
        NotifyBuilder ronde = new NotifyBuilder(context).fromRoute("gtb").whenDone(2).create();
        context.start();

        assertThat(ronde.matches(10, TimeUnit.SECONDS)).isTrue();
        // the double has 2, then 1, then no pupils noted: three batches, the last finding none
        assertThat(journaal).startsWith("gtbHerberekening.controleerStand",
                "gtbHerberekening.herbereken:2", "gtbHerberekening.herbereken:1", "gtbHerberekening.herbereken:0",
                "gtbHerberekening.controleerStand");
    }

    @Test
    void theFixingRunsOnItsOwnTimer() throws Exception {
        context.getRouteDefinition("gtb").setAutoStartup("false");
        NotifyBuilder ronde = new NotifyBuilder(context).fromRoute("gtb-vaststelling").whenDone(2).create();
        context.start();

        assertThat(ronde.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(journaal).startsWith("gtbVaststelling.stelVast", "gtbVaststelling.stelVast");
    }

    public static class GtbHerberekening extends Dubbel {
        private final AtomicInteger genoteerd = new AtomicInteger(3);

        public void controleerStand(Exchange e) {
            stap("controleerStand", e);
        }

        /** The number of pupils recomputed in this batch. */
        public int herbereken(Exchange e) {
            int aantal = Math.max(0, genoteerd.decrementAndGet());
            stap("herbereken:" + aantal, e);
            return aantal;
        }
    }
}
