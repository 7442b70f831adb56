package nl.bronhub.operator;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.Probleem;
import nl.bronhub.portaal.PortaalBeveiliging;
import nl.bronhub.portaal.PortaalKanaal;
import nl.bronhub.portaal.PortaalNoodpagina;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.soap.SoapFouten;
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

    /** Where a person typing the portal's address may land: the portal's start. */
    private static final Set<String> PORTAAL_INGANGEN = Set.of("/", "/portal", "/portal/", "/index.html");

    private final OperatorKanaal operatorKanaal;
    private final PortaalKanaal portaalKanaal;
    private final SignaalCatalogus catalogus;
    private final PortaalNoodpagina portaalpagina;

    public KanaalScheiding(OperatorKanaal operatorKanaal, PortaalKanaal portaalKanaal, SignaalCatalogus catalogus,
                           PortaalNoodpagina portaalpagina) {
        this.operatorKanaal = operatorKanaal;
        this.portaalKanaal = portaalKanaal;
        this.catalogus = catalogus;
        this.portaalpagina = portaalpagina;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String pad = request.getRequestURI();
        if ("/error".equals(pad) || pad.startsWith("/error/") || pad.startsWith("/error;")) {
            // Spring's error page is for the server's own error dispatches, never an address: asked for, it answered 500
            // with its Whitelabel page, to anyone (a hostile operator's finding)
            weiger(request, response, HttpServletResponse.SC_NOT_FOUND, "Dit adres bestaat niet");
            return;
        }
        boolean soap = pad.startsWith("/services/") || "/services".equals(pad);
        boolean portaal = pad.startsWith("/portaal/") || "/portaal".equals(pad);
        boolean afnemers = pad.startsWith("/afnemers/") || "/afnemers".equals(pad);
        int poort = request.getLocalPort();
        boolean toegestaan = poort == portaalKanaal.poort() ? portaal || afnemers
                : poort == operatorKanaal.poort() ? !soap && !portaal && !afnemers
                : soap;
        if (!toegestaan) {
            if (poort == portaalKanaal.poort() && PORTAAL_INGANGEN.contains(pad) && "GET".equals(request.getMethod())) {
                PortaalBeveiliging.koppen(response);
                response.sendRedirect("/portaal");
                return;
            }
            weiger(request, response, HttpServletResponse.SC_NOT_FOUND, "Dit adres bestaat niet");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Refuses a request in the way of the door it came to: on the LAS door a SOAP fault with 360, on the operator
     * door a problem (RFC 9457), on the portal door a short page in Dutch. Never an empty answer, never a server page.
     */
    void weiger(HttpServletRequest request, HttpServletResponse response, int status, String reden) throws IOException {
        int poort = request.getLocalPort();
        response.resetBuffer();
        if (poort == operatorKanaal.poort()) {
            Probleem.schrijf(response, status, status == HttpServletResponse.SC_NOT_FOUND ? "niet-gevonden" : "onleesbare-invoer",
                    status == HttpServletResponse.SC_NOT_FOUND ? "Niet gevonden" : "Onleesbare invoer", reden);
        } else if (poort == portaalKanaal.poort()) {
            portaalpagina.schrijf(response, status, status == HttpServletResponse.SC_NOT_FOUND ? "Pagina niet gevonden"
                    : "Dit verzoek kan Mijn BRON niet lezen", reden + ".");
        } else {
            // the gegeven names the door's rule, never what the sender typed
            SoapFouten.weiger(response, catalogus.signaal("360", "adres of methode (POST naar /services/uitwisseling/v1)"));
        }
        response.flushBuffer();
    }
}
