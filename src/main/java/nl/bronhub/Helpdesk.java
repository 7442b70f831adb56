package nl.bronhub;

import nl.bronhub.portaal.PortaalEigenschappen;
import org.springframework.stereotype.Component;

/**
 * Where a school turns with a question (bron.helpdesk.*): shown at the foot of every portal page and in
 * every mail, so a school that is stuck, locked out or has lost its wachtwoordbrief knows whom to ask.
 * The pages and mail templates read it as {@code helpdesk}; {@code portaal} is the portal's address for
 * the links in the mails.
 */
@Component("helpdesk")
public class Helpdesk {

    private final String naam;
    private final String telefoon;
    private final String email;
    private final String url;
    private final String portaal;

    public Helpdesk(HelpdeskEigenschappen helpdesk, PortaalEigenschappen portaal) {
        this.naam = helpdesk.naam();
        this.telefoon = leegAlsNull(helpdesk.telefoon());
        this.email = leegAlsNull(helpdesk.email());
        this.url = leegAlsNull(helpdesk.url());
        this.portaal = portaal.url();
    }

    public String getNaam() {
        return naam;
    }

    /** null when not configured: the page and the mail then leave the line out. */
    public String getTelefoon() {
        return telefoon;
    }

    public String getEmail() {
        return email;
    }

    public String getUrl() {
        return url;
    }

    /** The portal's start address (Mijn BRON), for the links in the mails. */
    public String getPortaal() {
        return portaal;
    }

    private static String leegAlsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
