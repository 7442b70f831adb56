package nl.bronhub.portaal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address of the portal with a slash at its end (/portaal/70CG/, typed, or a link a mail client changed) is the page
 * without it: 308 (a form's POST stays a POST) to the same path, its query kept, by its path alone (never the request's
 * Host). Spring's UrlHandlerFilter dropped the query (/portaal/inloggen/?verlopen lost its notice).
 */
final class ZonderSlotstreep extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest verzoek) {
        String pad = verzoek.getRequestURI();
        return pad == null || pad.length() < 2 || !pad.endsWith("/") || !pad.startsWith("/portaal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
            throws ServletException, IOException {
        String pad = verzoek.getRequestURI();
        int einde = pad.length();
        while (einde > 1 && pad.charAt(einde - 1) == '/') {
            einde--;
        }
        String query = verzoek.getQueryString();
        antwoord.setStatus(308); // Permanent Redirect (RFC 9110): keeps the method
        antwoord.setHeader("Location", pad.substring(0, einde) + (query == null ? "" : "?" + query));
    }
}
