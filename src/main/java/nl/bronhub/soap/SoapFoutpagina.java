package nl.bronhub.soap;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.bronhub.signaal.SignaalCatalogus;
import nl.bronhub.Probleem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring's error page, but never for the LAS door: when Tomcat itself ends a LAS request in an error
 * (it calls sendError on a chunked body it cannot read, before any filter can answer), the LAS gets a
 * SOAP fault with 360 (358 for a fault on the hub's side) instead of Spring's JSON; the operator's and the afnemers'
 * API get problem details, as for every other refusal there. The portal keeps its own page (PortaalFoutpagina).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class SoapFoutpagina extends BasicErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(SoapFoutpagina.class);

    private final SignaalCatalogus catalogus;

    public SoapFoutpagina(ErrorAttributes attributen, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
                          SignaalCatalogus catalogus) {
        super(attributen, server.getError(), resolvers.orderedStream().toList());
        this.catalogus = catalogus;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (isLasDeur(request)) {
            schrijf(request, response);
            return null;
        }
        if (isJsonDeur(request)) {
            probleem(request, response);
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a && a.getResponse() != null) {
            if (isLasDeur(request)) {
                schrijf(request, a.getResponse());
                return null;
            }
            if (isJsonDeur(request)) {
                probleem(request, a.getResponse());
                return null;
            }
        }
        return super.error(request);
    }

    /**
     * The operator's and the afnemers' API answer every refusal as problem details: also what Tomcat ends by itself
     * while it reads the request (a malformed chunk), which Spring's JSON answered, without the headers.
     */
    private static boolean isJsonDeur(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String pad
                && (pad.equals("/operator") || pad.startsWith("/operator/") || pad.equals("/afnemers") || pad.startsWith("/afnemers/"));
    }

    private void probleem(HttpServletRequest request, HttpServletResponse response) {
        int status = getStatus(request).value();
        try {
            // the texts of what Tomcat refuses at these doors (TomcatFoutmelding), without its list of address faults
            TomcatFoutmelding.Uitleg u = status >= 500 ? TomcatFoutmelding.Uitleg.HUBFOUT : TomcatFoutmelding.Uitleg.ONLEESBAAR;
            Probleem.schrijf(response, status, u.type, u.titel, u.zin(status));
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing more to say
        }
    }

    private static boolean isLasDeur(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String pad && pad.startsWith("/services/");
    }

    private void schrijf(HttpServletRequest request, HttpServletResponse response) {
        int status = getStatus(request).value();
        var signaal = status >= 500 ? catalogus.signaal("358") : catalogus.signaal("360", "HTTP-verzoek (de inhoud is niet te lezen)");
        LOG.warn("LAS request ended by the web server with HTTP {}: signal {}", status, signaal.code());
        try {
            // with the door's fixed headers: the error dispatch runs outside the security filters that write them
            SoapFouten.weiger(response, signaal);
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing more to say
        }
    }
}
