package nl.bronhub.portaal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.Helpdesk;
import nl.bronhub.soap.TomcatFoutmelding;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's error page where no template can be rendered: a request Tomcat refuses itself, before any filter or
 * servlet runs (an encoded / or \ or a NUL in the address), and one the door refuses before Spring MVC (KanaalScheiding:
 * an address of another door, a method the firewall refuses). The same page as
 * templates/portaal/fout.html (its stylesheet, bar, text and helpdesk), with the portal's headers; never the address.
 */
@Component
public class PortaalNoodpagina implements TomcatFoutmelding.Deurantwoord {

    private final Helpdesk helpdesk;
    private final PortaalKanaal kanaal;

    public PortaalNoodpagina(Helpdesk helpdesk, PortaalKanaal kanaal) {
        this.helpdesk = helpdesk;
        this.kanaal = kanaal;
    }

    /** A browser at the portal's door (or a request whose headers Tomcat did not get to); anyone else gets the valve's short text. */
    @Override
    public boolean beantwoord(HttpServletRequest verzoek, HttpServletResponse antwoord, int status, String type, String titel,
                              String tekst) throws IOException {
        // a request line Tomcat could not parse leaves the headers unread: no Accept to go by, and a browser sends such
        // lines too (Chromium leaves a | in a query as it is), so the page
        String accept = verzoek.getHeader("Accept");
        if (verzoek.getLocalPort() != kanaal.poort() || accept != null && !accept.contains("text/html")) {
            return false;
        }
        schrijf(antwoord, status);
        return true;
    }

    private void schrijf(HttpServletResponse antwoord, int status) throws IOException {
        if (status >= 500) {
            schrijf(antwoord, status, "Storing", "Er ging iets mis in Mijn BRON. Probeer het later opnieuw.");
        } else {
            schrijf(antwoord, status, "Verzoek niet verwerkt",
                    "Mijn BRON kon dit verzoek niet lezen. Gebruik de formulieren op de pagina's van Mijn BRON.");
        }
    }

    /** The page with this title and text (plain text, escaped here), and the portal's headers. */
    public void schrijf(HttpServletResponse antwoord, int status, String titel, String uitleg) throws IOException {
        antwoord.setStatus(status);
        PortaalBeveiliging.koppen(antwoord);
        antwoord.setContentType("text/html;charset=UTF-8");
        antwoord.getOutputStream().write(pagina(titel, uitleg).getBytes(StandardCharsets.UTF_8));
    }

    private String pagina(String titel, String uitleg) {
        StringBuilder voet = new StringBuilder("  <strong>").append(e(helpdesk.getNaam())).append("</strong>\n");
        if (helpdesk.getTelefoon() != null) {
            voet.append("  <span id=\"helpdesk-telefoon\">telefoon ").append(e(helpdesk.getTelefoon())).append("</span>\n");
        }
        if (helpdesk.getEmail() != null) {
            voet.append("  <span>e-mail <a id=\"helpdesk-email\" href=\"mailto:").append(e(helpdesk.getEmail())).append("\">")
                    .append(e(helpdesk.getEmail())).append("</a></span>\n");
        }
        if (helpdesk.getUrl() != null) {
            voet.append("  <span><a id=\"helpdesk-url\" href=\"").append(e(helpdesk.getUrl())).append("\">").append(e(helpdesk.getUrl()))
                    .append("</a></span>\n");
        }
        voet.append("  <span class=\"uitleg\">Voor vragen over Mijn BRON, uw scores en uw GTB, en voor een nieuwe wachtwoordbrief.</span>\n");
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                  <meta charset="UTF-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s – Mijn BRON</title>
                  <link rel="stylesheet" href="/portaal/stijl.css">
                  <link rel="icon" href="/portaal/icoon.svg" type="image/svg+xml">
                </head>
                <body>
                <header>
                  <div class="balk"><strong>Mijn BRON</strong><span>Basisregister Onderwijs</span></div>
                </header>
                <main class="smal">
                  <h1>%1$s</h1>
                  <p id="uitleg">%2$s</p>
                  <p><a href="/portaal" id="naar-school">Naar uw startpagina in Mijn BRON</a></p>
                </main>
                <footer id="helpdesk" class="voet">
                %3$s</footer>
                </body>
                </html>
                """.formatted(e(titel), e(uitleg), voet);
    }

    private static String e(String tekst) {
        return HtmlUtils.htmlEscape(tekst, StandardCharsets.UTF_8.name());
    }
}
