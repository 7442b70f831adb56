package nl.bronhub.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        // the request's correlation id in the log lines about it, in a form that carries nothing the LAS wrote;
        // Beschikbaarheid clears it when the request ends
        MDC.put(VERZOEK, logvorm(header.getIdentificatiecodeBedrijfsdocument()));
        if (header.getVerzendendeInstantie() != null) {
            exchange.setProperty(BRIN, header.getVerzendendeInstantie().getBrin());
            exchange.setProperty(NUMMER, header.getVerzendendeInstantie().getAanleverpuntnummer());
        }
    }

    /**
     * The document id as a log line shows it: a short keyed hash (HMAC-SHA256 under a key drawn when the hub starts, its first
     * six bytes as twelve letters a-p), the same for every line about one request. The contract only bounds the id's length, so a LAS could
     * put a line break, a BSN, a name or a postcode in it; the hash carries none of them, and without the key it cannot
     * be tried against guesses. The audit trail keeps the id itself (table audit), with the time and aanleverpunt that
     * lead to the request's log line.
     */
    public static String logvorm(String document) {
        if (document == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(LOGSLEUTEL);
            byte[] hash = mac.doFinal(document.getBytes(StandardCharsets.UTF_8));
            // letters a-p for the twelve half-bytes: no digits, so the log holds no nine-digit number by chance
            StringBuilder vorm = new StringBuilder("d");
            for (int i = 0; i < 6; i++) {
                vorm.append((char) ('a' + ((hash[i] >> 4) & 0xF))).append((char) ('a' + (hash[i] & 0xF)));
            }
            return vorm.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static final SecretKeySpec LOGSLEUTEL = logsleutel();

    private static SecretKeySpec logsleutel() {
        byte[] sleutel = new byte[32];
        new SecureRandom().nextBytes(sleutel);
        return new SecretKeySpec(sleutel, "HmacSHA256");
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
