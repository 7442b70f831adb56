package nl.bronhub.operator;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.Probleem;

/**
 * A refusal written straight to the response, before Spring MVC (and OperatorFouten) is reached: the
 * same problem details shape, with the security headers every other answer carries (Spring Security's
 * header writer may not have run yet). Only fixed texts: nothing of the request is echoed.
 */
final class OperatorProbleem {

    private OperatorProbleem() {
    }

    static void schrijf(HttpServletResponse antwoord, int status, String type, String titel, String detail) throws IOException {
        Probleem.schrijf(antwoord, status, type, titel, detail);
    }
}
