package nl.bronhub.operator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two doors apart, before any credential is looked at: the LAS door (client certificate
 * required) serves the SOAP listener only, the operator door everything but the SOAP listener. So a
 * LAS certificate never reaches the operator API, and the operator's password never a LAS operation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KanaalScheiding extends OncePerRequestFilter {

    private final OperatorKanaal operatorKanaal;

    public KanaalScheiding(OperatorKanaal operatorKanaal) {
        this.operatorKanaal = operatorKanaal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean soap = request.getRequestURI().startsWith("/services/") || "/services".equals(request.getRequestURI());
        boolean operatordeur = request.getLocalPort() == operatorKanaal.poort();
        if (soap == operatordeur) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
