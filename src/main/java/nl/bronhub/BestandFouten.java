package nl.bronhub;

import nl.bronhub.gba.GbaBestandFout;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reason a file an operator dropped (GBA changes, a school's AB list) was refused, for the
 * .reden.txt beside it in fout/ and the log.
 */
@Component
public class BestandFouten {

    private static final Logger LOG = LoggerFactory.getLogger(BestandFouten.class);

    public String reden(Exchange exchange) {
        Throwable oorzaak = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String naam = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        // our own reasons name line and field, never a value; anything else is reported by its type only
        String reden = oorzaak instanceof GbaBestandFout || oorzaak instanceof OngeldigeInvoer ? oorzaak.getMessage()
                : "technische fout (" + (oorzaak == null ? "onbekend" : oorzaak.getClass().getSimpleName()) + "); niets is toegepast";
        LOG.warn("File {} ({}) refused, nothing applied: {}", Afleverbestanden.veilig(naam), exchange.getFromRouteId(), reden);
        return tekst(reden);
    }

    /** The reason file's content. */
    static String tekst(String reden) {
        return "Niet verwerkt, niets is toegepast: " + reden + System.lineSeparator();
    }
}
