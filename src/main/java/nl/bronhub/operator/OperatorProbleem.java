package nl.bronhub.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal written straight to the response, before Spring MVC (and OperatorFouten) is reached: the
 * same problem details shape, with the security headers every other answer carries (Spring Security's
 * header writer may not have run yet). Only fixed texts: nothing of the request is echoed.
 */
final class OperatorProbleem {

    private OperatorProbleem() {
    }

    static void schrijf(HttpServletResponse antwoord, int status, String type, String titel, String detail) throws IOException {
        antwoord.resetBuffer();
        antwoord.setStatus(status);
        antwoord.setHeader("X-Content-Type-Options", "nosniff");
        antwoord.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        antwoord.setHeader("Pragma", "no-cache");
        antwoord.setHeader("Expires", "0");
        antwoord.setHeader("X-Frame-Options", "DENY");
        antwoord.setContentType("application/problem+json;charset=UTF-8");
        byte[] body = ("{\"type\":\"" + OperatorFouten.TYPE + type + "\",\"title\":\"" + titel + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        antwoord.setContentLength(body.length);
        antwoord.getOutputStream().write(body);
        antwoord.flushBuffer();
    }
}
