package nl.bronhub.portaal;

import nl.bronhub.registratie.AanleverpuntRegister;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.AbstractSessionEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The schools' open portal sessions (of this instance), so that a new password ends the sessions that
 * signed in with the old one: whoever knew it is out at their next click.
 */
@Component
public class PortaalSessies implements ApplicationListener<AbstractSessionEvent> {

    private final SessionRegistryImpl register = new SessionRegistryImpl();

    /** Sessions that end (sign-out, time-out) leave the register. */
    @Override
    public void onApplicationEvent(AbstractSessionEvent gebeurtenis) {
        register.onApplicationEvent(gebeurtenis);
    }

    public SessionRegistry register() {
        return register;
    }

    /** A board no school names any more: whoever is signed in as it is out at the next click. */
    @EventListener
    public void bestuurZonderScholen(AanleverpuntRegister.BestuurZonderScholen bestuur) {
        beeindig(bestuur.nummer(), null);
    }

    /** Ends the school's sessions, except {@code behalve} (the session that chose the password; null: all). */
    public void beeindig(String brin, String behalve) {
        for (Object wie : register.getAllPrincipals()) {
            if (wie instanceof UserDetails school && school.getUsername().equals(brin)) {
                for (SessionInformation sessie : register.getAllSessions(wie, false)) {
                    if (!sessie.getSessionId().equals(behalve)) {
                        sessie.expireNow();
                    }
                }
            }
        }
    }
}
