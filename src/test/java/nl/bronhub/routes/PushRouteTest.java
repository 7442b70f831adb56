package nl.bronhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/75-terugkoppeling-push, a timer: the aanleverpunten due are claimed, then each is delivered on its own; a
 * round that fails on the hub's side for one aanleverpunt is reported and the others are still delivered.
 */
class PushRouteTest extends RouteTestBasis {

    private Push push;

    @Override
    protected Properties eigenschappen() {
        Properties p = super.eigenschappen();
        p.setProperty("bron.terugkoppeling.push.interval-ms", "50");
        return p;
    }

    @BeforeEach
    void routes() throws Exception {
        push = dubbel("terugkoppelingPush", new Push());
        laad("75-terugkoppeling-push.camel.yaml");
    }

    @Test
    void aRoundClaimsFirstAndThenDeliversEachAanleverpunt() throws Exception {
        context.start();

        // the split's parallel deliveries may finish after the round's own exchange is counted done: wait for the steps
        await().atMost(Duration.ofSeconds(10)).until(() -> journaal.stream().filter(s -> s.contains(".bezorg:")).count() == 3);
        // claimed first; the three delivered side by side (any order) before the next round claims (it finds none)
        List<String> stappen = List.copyOf(journaal);
        assertThat(stappen.get(0)).isEqualTo("terugkoppelingPush.teBezorgen");
        assertThat(stappen.subList(1, 4)).containsExactlyInAnyOrder("terugkoppelingPush.bezorg:1", "terugkoppelingPush.bezorg:2",
                "terugkoppelingPush.bezorg:3");
    }

    @Test
    void aRoundThatFailsForOneAanleverpuntIsReportedAndTheOthersAreStillDelivered() throws Exception {
        push.faaltVoor = 2L;
        context.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> journaal.contains("terugkoppelingPush.rondeMislukt:2:IllegalStateException")
                && journaal.stream().filter(s -> s.contains(".bezorg:")).count() == 3);
        assertThat(journaal).contains("terugkoppelingPush.bezorg:1", "terugkoppelingPush.bezorg:3",
                "terugkoppelingPush.rondeMislukt:2:IllegalStateException");
        assertThat(journaal).doesNotContain("terugkoppelingPush.rondeMislukt:1:IllegalStateException",
                "terugkoppelingPush.rondeMislukt:3:IllegalStateException");
    }

    /** Three aanleverpunten due in the first round, none after. */
    public static class Push extends Dubbel {
        private final AtomicBoolean eersteRonde = new AtomicBoolean(true);
        volatile Long faaltVoor;

        public List<Long> teBezorgen(Exchange e) {
            stap("teBezorgen", e);
            return eersteRonde.getAndSet(false) ? List.of(1L, 2L, 3L) : List.of();
        }

        public void bezorg(Long aanleverpuntId, Exchange e) {
            stap("bezorg:" + aanleverpuntId, e);
            if (aanleverpuntId.equals(faaltVoor)) {
                throw new IllegalStateException("database weg (test)");
            }
        }

        public void rondeMislukt(Long aanleverpuntId, Exception fout, Exchange e) {
            stap("rondeMislukt:" + aanleverpuntId + ":" + fout.getClass().getSimpleName(), e);
        }
    }
}
