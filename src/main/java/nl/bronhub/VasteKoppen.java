package nl.bronhub;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The fixed headers Spring Security's defaults give every answer of the hub's doors (no caching, no sniffing, no
 * framing, HTTPS only), for an answer written where its header writer has not run: a refusal before the security
 * filters (size limit, firewall, the door's separation), Tomcat's own refusals, the error dispatch.
 */
public final class VasteKoppen {

    private VasteKoppen() {
    }

    public static void zet(HttpServletResponse antwoord) {
        antwoord.setHeader("X-Content-Type-Options", "nosniff");
        antwoord.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        antwoord.setHeader("Pragma", "no-cache");
        antwoord.setHeader("Expires", "0");
        antwoord.setHeader("X-Frame-Options", "DENY");
        antwoord.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
    }
}
