package nl.bronhub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal written straight to the response, before Spring MVC is reached (a security filter, a size limit, the
 * firewall), in the shape every JSON door answers with: RFC 9457 problem details, type urn:bron-hub:probleem:...,
 * an instance id of this occurrence, and the security headers every other answer carries (Spring Security's header
 * writer may not have run yet). Only fixed texts: nothing of the request is echoed.
 */
public final class Probleem {

    public static final String TYPE = "urn:bron-hub:probleem:";

    private Probleem() {
    }

    public static void schrijf(HttpServletResponse antwoord, int status, String type, String titel, String detail) throws IOException {
        antwoord.resetBuffer();
        antwoord.setStatus(status);
        VasteKoppen.zet(antwoord);
        antwoord.setContentType("application/problem+json;charset=UTF-8");
        byte[] body = ("{\"type\":\"" + TYPE + json(type) + "\",\"title\":\"" + json(titel) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"urn:uuid:" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        antwoord.setContentLength(body.length);
        antwoord.getOutputStream().write(body);
        antwoord.flushBuffer();
    }

    /** A fixed text as a JSON string's content: a quote or backslash in it must not break the answer. */
    private static String json(String tekst) {
        return tekst.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
