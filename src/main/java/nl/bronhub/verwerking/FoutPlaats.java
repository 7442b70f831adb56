package nl.bronhub.verwerking;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Notes on the exchange where it failed: the route and the step (node) that raised the exception,
 * the innermost one, before the exception travels out through the calling routes. The processing
 * routes hand a failure back to route verwerk-aanleverpunt (Werkvoorraden retries and parks), so Camel's own
 * CamelFailureRouteId is not set there; a parked bericht shows these instead. Route ids and step
 * labels come from the route files, never from a bericht.
 */
@Component
public class FoutPlaats implements InterceptStrategy {

    static final String ROUTE = "bronFoutRoute";
    static final String STAP = "bronFoutStap";

    /** Where an exchange failed; route or stap null when not known. */
    public record Plaats(String route, String stap) {
        static Plaats van(Exchange exchange) {
            return new Plaats(exchange.getProperty(ROUTE, String.class), exchange.getProperty(STAP, String.class));
        }
    }

    /** Read and handled: the next failure on this exchange (the next reeks) is noted afresh. */
    static void vergeet(Exchange exchange) {
        exchange.removeProperty(ROUTE);
        exchange.removeProperty(STAP);
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        String route = routeVan(definition);
        String stap = kort(definition.getLabel() + " (" + (definition.getId() == null ? "" : definition.getId()) + bron(definition) + ")", 200);
        AsyncProcessor doel = AsyncProcessorConverterHelper.convert(target);
        return new DelegateAsyncProcessor(doel) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                return processor.process(exchange, klaarSync -> {
                    if (exchange.getException() != null && exchange.getProperty(ROUTE) == null) {
                        exchange.setProperty(ROUTE, route);
                        exchange.setProperty(STAP, stap);
                    }
                    callback.done(klaarSync);
                });
            }
        };
    }

    /** Where the step is written, when the route loader kept it: ", 60-registratie.camel.yaml:12". */
    private static String bron(NamedNode node) {
        if (node.getLineNumber() > 0 && node.getLocation() != null) {
            String bestand = node.getLocation().replaceFirst("^.*[/\\:]", "");
            return ", " + bestand + ":" + node.getLineNumber();
        }
        return "";
    }

    /** The route the node belongs to: the top of its definition tree. */
    private static String routeVan(NamedNode node) {
        NamedNode n = node;
        while (n.getParent() != null) {
            n = n.getParent();
        }
        return n == node ? null : kort(n.getId(), 100);
    }

    private static String kort(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
