package nl.bronhub.contract;

import nl.bronhub.contract.v1.Header;
import org.apache.camel.Exchange;
import org.slf4j.MDC;

/**
 * Who a request says it comes from (its header's verzendendeInstantie and document id), kept on the
 * exchange as soon as the header is read: the access check compares it with the certificate, the
 * audit trail records it.
 */
public final class Afzender {

    private static final String BRIN = "bron.afzender.brin";
    private static final String NUMMER = "bron.afzender.aanleverpuntnummer";
    private static final String DOCUMENT = "bron.afzender.document";
    /** MDC key of the request's document id. */
    public static final String VERZOEK = "verzoek";

    private Afzender() {
    }

    public static void zet(Exchange exchange, Header header) {
        if (header == null) {
            return;
        }
        exchange.setProperty(DOCUMENT, header.getIdentificatiecodeBedrijfsdocument());
        // the request's correlation id in the log lines about it (XSD-checked: letters, digits, - and _);
        // Beschikbaarheid clears it when the request ends
        MDC.put(VERZOEK, header.getIdentificatiecodeBedrijfsdocument());
        if (header.getVerzendendeInstantie() != null) {
            exchange.setProperty(BRIN, header.getVerzendendeInstantie().getBrin());
            exchange.setProperty(NUMMER, header.getVerzendendeInstantie().getAanleverpuntnummer());
        }
    }

    public static String brin(Exchange exchange) {
        return exchange.getProperty(BRIN, String.class);
    }

    public static String aanleverpuntnummer(Exchange exchange) {
        return exchange.getProperty(NUMMER, String.class);
    }

    public static String document(Exchange exchange) {
        return exchange.getProperty(DOCUMENT, String.class);
    }
}
