package nl.bronhub.operator;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.Probleem;
import nl.bronhub.soap.TomcatFoutmelding;
import org.springframework.stereotype.Component;

/**
 * At the operator's door every answer is problem details, also what Tomcat refuses before the API sees it when the
 * request names no /operator path: CONNECT, a control byte in the request line.
 */
@Component
public class OperatorTomcatAntwoord implements TomcatFoutmelding.Deurantwoord {

    private final OperatorKanaal kanaal;

    public OperatorTomcatAntwoord(OperatorKanaal kanaal) {
        this.kanaal = kanaal;
    }

    @Override
    public boolean beantwoord(HttpServletRequest verzoek, HttpServletResponse antwoord, int status, String type, String titel,
                              String tekst) throws IOException {
        if (verzoek.getLocalPort() != kanaal.poort()) {
            return false;
        }
        Probleem.schrijf(antwoord, status, type, titel, tekst);
        return true;
    }
}
