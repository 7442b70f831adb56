package nl.bronhub.operator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.portaal.PortaalKanaal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the three doors apart, before any credential is looked at: the LAS door (client certificate
 * required) serves the SOAP listener only, the portal door the school portal and the afnemers' API
 * (/afnemers/**, both HTTPS without a client certificate, for parties outside), and the operator door
 * everything else. So a LAS certificate never reaches the operator API, the operator's password never a
 * LAS operation, and a school's or afnemer's sign-in never anything but its own part.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KanaalScheiding extends OncePerRequestFilter {

    private final OperatorKanaal operatorKanaal;
    private final PortaalKanaal portaalKanaal;

    public KanaalScheiding(OperatorKanaal operatorKanaal, PortaalKanaal portaalKanaal) {
        this.operatorKanaal = operatorKanaal;
        this.portaalKanaal = portaalKanaal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String pad = request.getRequestURI();
        boolean soap = pad.startsWith("/services/") || "/services".equals(pad);
        boolean portaal = pad.startsWith("/portaal/") || "/portaal".equals(pad);
        boolean afnemers = pad.startsWith("/afnemers/") || "/afnemers".equals(pad);
        int poort = request.getLocalPort();
        boolean toegestaan = poort == portaalKanaal.poort() ? portaal || afnemers
                : poort == operatorKanaal.poort() ? !soap && !portaal && !afnemers
                : soap;
        if (!toegestaan) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
