package nl.bronhub.portaal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form larger than Tomcat reads (2 MB) is 413 with the portal's page before the CSRF check: Tomcat drops all fields of
 * such a form, its token too, and the school read "Formulier verlopen". A body sent without a length (chunked) is still
 * read by Tomcat up to the limit, and then refused too; so is a form Tomcat could not decode (400).
 */
final class FormulierGrens extends OncePerRequestFilter {

    /**
     * What the portal door's connector reads of a form: Tomcat's default, since HttpsDeur sets none of Spring Boot's
     * connector settings (server.tomcat.max-http-form-post-size is the LAS door's) on the doors it adds.
     */
    static final long TOMCAT_MAX_BYTES = 2 * 1024 * 1024;

    /** Set by Tomcat when it could not parse the request's parameters (org.apache.catalina.Globals), and why. */
    static final String ONLEESBAAR = "org.apache.catalina.parameter_parse_failed";
    static final String ONLEESBAAR_WAAROM = "org.apache.catalina.parameter_parse_failed_reason";

    private final long maxBytes;

    FormulierGrens(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest verzoek) {
        return !"POST".equals(verzoek.getMethod()) || maxBytes < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
            throws ServletException, IOException {
        if (verzoek.getContentLengthLong() > maxBytes) {
            antwoord.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        // a form Tomcat could not read whole (a bad %-escape, too many fields, a chunked body over the limit): Tomcat drops
        // what it could not read and goes on, so a field left out would empty what the school had, unasked; refused
        // whole instead, nothing changed
        verzoek.getParameterMap();
        if (verzoek.getAttribute(ONLEESBAAR) != null) {
            if (antwoord.isCommitted()) {
                // Tomcat gave up on the connection while it read the body (it broke off, or a chunk was malformed): it
                // answers 400 itself (the portal's page, PortaalFoutAlsPagina); a sendError now would be an ERROR in the log
                return;
            }
            antwoord.sendError("POST_TOO_LARGE".equals(String.valueOf(verzoek.getAttribute(ONLEESBAAR_WAAROM)))
                    ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        keten.doFilter(verzoek, antwoord);
    }
}
