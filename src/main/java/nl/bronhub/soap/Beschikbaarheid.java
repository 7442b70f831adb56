package nl.bronhub.soap;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.contract.Afzender;
import nl.bronhub.signaal.SignaalCatalogus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The LAS door is open only while the hub can take berichten: before it is ready (Tomcat listens a
 * moment before the SOAP route behind it is live) and once a stop (SIGTERM) has begun, a LAS request is
 * refused with signal 358 (send again) instead of CXF's HTML 'No service was found'. On a stop the
 * requests under way are finished first; this listener comes before CXF's, which takes the SOAP
 * endpoint away on the same event.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class Beschikbaarheid extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(Beschikbaarheid.class);

    private final AtomicInteger bezig = new AtomicInteger();
    private final SignaalCatalogus catalogus;
    private final ApplicationAvailability beschikbaarheid;
    private final Duration maximaal;
    private volatile boolean sluiten;

    public Beschikbaarheid(SignaalCatalogus catalogus, ApplicationAvailability beschikbaarheid,
                           @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration maximaal) {
        this.catalogus = catalogus;
        this.beschikbaarheid = beschikbaarheid;
        this.maximaal = maximaal;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/services/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        bezig.incrementAndGet();
        try {
            if (sluiten || beschikbaarheid.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
                SoapFouten.weiger(response, catalogus.signaal("358"));
                return;
            }
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // whatever escaped CXF and the routes: still a SOAP fault, never Spring's error page; only the
            // type is logged (a message can quote submitted values)
            LOG.warn("LAS request failed outside the routes ({}); answered 358", e.getClass().getName());
            if (!response.isCommitted()) {
                response.reset();
                SoapFouten.weiger(response, catalogus.signaal("358"));
            }
        } finally {
            bezig.decrementAndGet();
            MDC.remove(Afzender.VERZOEK);
        }
    }

    /** The application closes: no new LAS request is taken on, and the ones under way may finish. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        sluiten = true;
        Instant tot = Instant.now().plus(maximaal);
        while (bezig.get() > 0 && Instant.now().isBefore(tot)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("Stopping: LAS requests under way finished ({} left), new ones are answered 358", bezig.get());
    }
}
