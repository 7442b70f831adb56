package nl.bronhub.contract;

import java.util.regex.Pattern;

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
        // the request's correlation id in the log lines about it, in a form that cannot forge a line or carry a
        // number of nine digits (a BSN); Beschikbaarheid clears it when the request ends
        MDC.put(VERZOEK, logvorm(header.getIdentificatiecodeBedrijfsdocument()));
        if (header.getVerzendendeInstantie() != null) {
            exchange.setProperty(BRIN, header.getVerzendendeInstantie().getBrin());
            exchange.setProperty(NUMMER, header.getVerzendendeInstantie().getAanleverpuntnummer());
        }
    }

    /**
     * The document id as a log line may show it: at most 50 characters, anything but letters, digits, '-', '_', '.'
     * and ':' as '_', and every digit of a run of nine or more as '*'. The contract only bounds its length, so a LAS
     * could send a line break, a BSN or control characters in it.
     */
    public static String logvorm(String document) {
        if (document == null) {
            return null;
        }
        String kort = document.length() > 50 ? document.substring(0, 50) : document;
        String veilig = ONVEILIG.matcher(kort).replaceAll("_");
        return NEGEN_CIJFERS.matcher(veilig).replaceAll(m -> "*".repeat(m.group().length()));
    }

    private static final Pattern ONVEILIG = Pattern.compile("[^A-Za-z0-9_.:-]");
    private static final Pattern NEGEN_CIJFERS = Pattern.compile("[0-9]{9,}");

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
