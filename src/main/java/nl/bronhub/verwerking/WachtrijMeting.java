package nl.bronhub.verwerking;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches beside Camel's route metrics: berichten waiting to be processed, and
 * berichten parked for the operator. Read from the database when scraped, so every instance reports
 * the same.
 */
@Component
public class WachtrijMeting implements MeterBinder {

    private final NamedParameterJdbcTemplate jdbc;

    public WachtrijMeting(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bron.berichten.wachtend", () -> tel("select count(*) from bericht where status = 'ONTVANGEN'"))
                .description("berichten acknowledged and not processed yet").register(registry);
        Gauge.builder("bron.berichten.geparkeerd", () -> tel("select count(*) from geparkeerd_bericht where afgehandeld_op is null"))
                .description("berichten parked, waiting for an operator").register(registry);
    }

    private double tel(String sql) {
        try {
            return jdbc.queryForObject(sql, Map.of(), Long.class);
        } catch (RuntimeException databaseWeg) {
            return Double.NaN;
        }
    }
}
