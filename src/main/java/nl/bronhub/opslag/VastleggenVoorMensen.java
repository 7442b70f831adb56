package nl.bronhub.opslag;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The doors for people (the portal, the operator API, the afnemers' API) show the register as it is, and a reeks's
 * commit does not wait for H2's write of the file ({@link Vastlegging}): a page could show an onderwijsnummer that a
 * crash then loses, the reeks done again under another number (a crash look on 7 December saw it on the GTB pages).
 * So every request there has H2 write what was committed before it is handled and again when it has been, and its
 * answer leaves only after that (held whole: these pages and JSON answers are small); a request
 * at these doors is rare enough for the two writes, which cost next to nothing when nothing waits. The LAS door is left to
 * its routes (a fetch that serves waits, a registratieoverzicht waits before its answer).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class VastleggenVoorMensen extends OncePerRequestFilter {

    private final Vastlegging vastlegging;

    public VastleggenVoorMensen(Vastlegging vastlegging) {
        this.vastlegging = vastlegging;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String pad = request.getRequestURI();
        return pad.startsWith("/services/") || "/services".equals(pad);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        schrijf();
        // the answer is held whole until the second write: a page larger than the answer's buffer would otherwise
        // start leaving while it is made, showing what a reeks committed meanwhile before the file has it
        ContentCachingResponseWrapper heel = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, heel);
        // after: what the request read is written before the answer leaves (not sent at all if that fails)
        schrijf();
        heel.copyBodyToResponse();
    }

    private void schrijf() throws IOException {
        try {
            vastlegging.afwachten();
        } catch (SQLException e) {
            throw new IOException("the database's file could not be written", e);
        }
    }
}
