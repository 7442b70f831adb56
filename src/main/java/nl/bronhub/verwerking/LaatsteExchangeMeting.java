package nl.bronhub.verwerking;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camel's gauge camel.exchanges.last.timestamp, registered before any route runs. Camel registers it
 * itself at the first exchange that completes, with a look-then-register that is not atomic: the hub's
 * routes start side by side (timers, pollers), two of them could both find it missing, and Micrometer
 * then warned at start that the gauge was already registered. Registered here first, over the same
 * value Camel keeps, Camel finds it and only updates the value. Should a later Camel keep that value
 * elsewhere, this does nothing and Camel registers the gauge as before.
 */
@Component
public class LaatsteExchangeMeting implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(LaatsteExchangeMeting.class);
    static final String NAAM = "camel.exchanges.last.timestamp";

    @Override
    public void bindTo(MeterRegistry registry) {
        AtomicLong waarde = camelsWaarde();
        if (waarde != null && registry.find(NAAM).gauge() == null) {
            Gauge.builder(NAAM, waarde, AtomicLong::doubleValue)
                    .description("Last exchange processed time in milliseconds since the Unix epoch").register(registry);
        }
    }

    private static AtomicLong camelsWaarde() {
        try {
            Field veld = MicrometerExchangeEventNotifier.class.getDeclaredField("lastExchangeTimestampHolder");
            veld.setAccessible(true);
            return veld.get(null) instanceof AtomicLong a ? a : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Camel's last-exchange gauge is left to Camel ({})", e.getClass().getName());
            return null;
        }
    }
}
