package nl.bronhub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One log line when the hub takes requests. Spring's 'Started BronHubApplication' comes earlier, before
 * the seeds are read: a LAS request then still gets 358 (send again), which confused a newcomer's first try.
 */
@Component
public class GereedMelding implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

    private static final Logger LOG = LoggerFactory.getLogger(GereedMelding.class);

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            LOG.info("bron-hub ready: the LAS door, the operator API and the school portal take requests");
        }
    }
}
