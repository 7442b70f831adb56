package nl.bronhub.portaal;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A portal request that ends in an error (no such page, no access, a form that cannot be read) gets a
 * Dutch page in the portal's style, with the status code, instead of Spring's whitelabel page. It says
 * what a school can do, never what went wrong inside, and never echoes the address or the input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortaalFoutpagina implements ErrorViewResolver {

    /** Set by PortaalBeveiliging when a form came without a valid CSRF token (not the school's own session's). */
    static final String FORMULIER_VERLOPEN = PortaalFoutpagina.class.getName() + ".formulierVerlopen";

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest verzoek, HttpStatus status, Map<String, Object> model) {
        Object pad = verzoek.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(pad instanceof String p) || !(p.equals("/portaal") || p.startsWith("/portaal/"))) {
            return null;
        }
        String[] tekst = Boolean.TRUE.equals(verzoek.getAttribute(FORMULIER_VERLOPEN))
                ? new String[] {"Formulier verlopen", "Dit formulier is verlopen of niet door Mijn BRON gemaakt. Open de pagina opnieuw "
                        + "(log zo nodig opnieuw in) en probeer het nog eens."}
                : switch (status) {
                    case FORBIDDEN -> new String[] {"Geen toegang", "U kunt alleen de gegevens van uw eigen school, of als bestuur van uw eigen scholen, inzien."};
                    case NOT_FOUND -> new String[] {"Pagina niet gevonden", "Deze pagina bestaat niet in Mijn BRON."};
                    case PAYLOAD_TOO_LARGE -> new String[] {"Formulier te groot", "Dit formulier is groter dan Mijn BRON aanneemt. "
                            + "Vul het opnieuw in, korter, en probeer het nog eens."};
                    case BAD_REQUEST, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, REQUEST_HEADER_FIELDS_TOO_LARGE ->
                            new String[] {"Verzoek niet verwerkt", "Mijn BRON kon dit verzoek niet lezen. Gebruik de formulieren op de pagina's "
                                    + "van Mijn BRON."};
                    default -> status.is4xxClientError()
                            ? new String[] {"Verzoek niet verwerkt", "Mijn BRON kon dit verzoek niet verwerken."}
                            : new String[] {"Storing", "Er ging iets mis in Mijn BRON. Probeer het later opnieuw."};
                };
        Map<String, Object> gegevens = new HashMap<>(Map.of("titel", tekst[0], "uitleg", tekst[1]));
        // a signed-in school or board keeps its bar: who is signed in, and the way back to its own pages (the account
        // is a BRIN or a bestuursnummer, no personal data). The error dispatch (/error) is outside the portal's filter
        // chain, so the sign-in is read from the session it was kept in.
        HttpSession sessie = verzoek.getSession(false);
        if (sessie != null && sessie.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext c
                && c.getAuthentication() != null && c.getAuthentication().isAuthenticated()
                && !(c.getAuthentication() instanceof AnonymousAuthenticationToken)) {
            gegevens.put("account", c.getAuthentication().getName());
        }
        return new ModelAndView("portaal/fout", gegevens, status);
    }
}
