package nl.bronhub.gba;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The reason a GBA change file was refused, for the .reden.txt beside it in fout/. */
@Component
public class GbaMutatiebestandFouten {

    private static final Logger LOG = LoggerFactory.getLogger(GbaMutatiebestandFouten.class);

    public String reden(Exchange exchange) {
        Throwable oorzaak = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String naam = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        // our own reasons name line and field, never a value; anything else is reported by its type only
        String reden = oorzaak instanceof GbaBestandFout ? oorzaak.getMessage()
                : "technische fout (" + (oorzaak == null ? "onbekend" : oorzaak.getClass().getSimpleName()) + "); niets is toegepast";
        LOG.warn("GBA change file {} refused, nothing applied: {}", naam, reden);
        return "Niet verwerkt, niets is toegepast: " + reden + System.lineSeparator();
    }
}
