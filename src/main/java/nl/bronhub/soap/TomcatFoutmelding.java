package nl.bronhub.soap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import nl.bronhub.Probleem;
import nl.bronhub.signaal.SignaalCatalogus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers by itself, before any filter or servlet of the hub runs (request headers over its
 * limit, a request line it cannot parse): on the LAS door a SOAP fault with signal 360 instead of
 * Tomcat's HTML page, on the operator's and the afnemers' JSON doors problem details, at a door that answers in its own
 * form (Deurantwoord: the operator's, the portal's to a browser) that form, elsewhere a bare status with a short
 * plain-text reason and no server details.
 */
@Component
public class TomcatFoutmelding implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(TomcatFoutmelding.class);

    private final SignaalCatalogus catalogus;
    private final ObjectProvider<Deurantwoord> deuren;

    public TomcatFoutmelding(SignaalCatalogus catalogus, ObjectProvider<Deurantwoord> deuren) {
        this.catalogus = catalogus;
        this.deuren = deuren;
    }

    /**
     * A door beside the LAS door that answers what Tomcat refused by itself in its own form (the operator's door as problem
     * details, the portal's as its page to a browser). The doors depend on this valve, not the other way round.
     */
    public interface Deurantwoord {

        /** Writes the answer and returns true when the request came in at this door and the door answers it itself. */
        boolean beantwoord(HttpServletRequest verzoek, HttpServletResponse antwoord, int status, String type, String titel,
                           String tekst) throws IOException;
    }

    /** After Spring Boot's own customizer, so this valve reports first and the plain one never does. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> installeer(context, catalogus, () -> deuren.orderedStream().toList()));
    }

    /** Puts the hub's report valve in place of Tomcat's on the host that holds {@code context}. */
    static void installeer(Context context, SignaalCatalogus catalogus, Supplier<List<Deurantwoord>> deuren) {
        for (Valve v : context.getParent().getPipeline().getValves()) {
            if (v instanceof ErrorReportValve && !(v instanceof Melding)) {
                context.getParent().getPipeline().removeValve(v);
            }
        }
        context.getParent().getPipeline().addValve(new Melding(catalogus, deuren));
        // otherwise the host adds Tomcat's own report valve at its start, behind this one
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(Melding.class.getName());
        }
    }

    /**
     * True when no application on this Tomcat is started: the request is not at fault then, whatever status
     * Tomcat gave it (404 for want of a context). A request too broken to be mapped has no context either,
     * but the application beside it is running.
     */
    static boolean geenToepassing(Request request) {
        if (request.getConnector() == null || request.getConnector().getService() == null
                || request.getConnector().getService().getContainer() == null) {
            return false;
        }
        for (Container host : request.getConnector().getService().getContainer().findChildren()) {
            for (Container toepassing : host.findChildren()) {
                if (toepassing.getState().isAvailable()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What the answer at the other doors says: one text, as problem details or as plain text. */
    enum Uitleg {
        AFWEZIG("niet-beschikbaar", "Niet beschikbaar", "de hub start of stopt; probeer het zo opnieuw", ""),
        HUBFOUT("interne-fout", "Interne fout", "er ging iets mis bij de hub; probeer het later opnieuw", ""),
        METHODE("methode-niet-ondersteund", "Methode of HTTP-versie niet ondersteund",
                "deze HTTP-methode of -versie neemt de hub niet aan (HTTP %d)", ": gebruik HTTP/1.1 met GET, POST, PUT, PATCH of DELETE"),
        ONLEESBAAR("onleesbaar-verzoek", "Onleesbaar verzoek", "dit verzoek kan de hub niet lezen (HTTP %d)",
                ": een adres met een gecodeerde / of backslash, een NUL of een ander niet-toegestaan teken, of kopregels boven de grens");

        final String type;
        final String titel;
        final String tekst;
        final String waarom;

        Uitleg(String type, String titel, String tekst, String waarom) {
            this.type = type;
            this.titel = titel;
            this.tekst = tekst;
            this.waarom = waarom;
        }

        String zin(int status) {
            return tekst.formatted(status);
        }
    }

    static final class Melding extends ErrorReportValve {

        private final SignaalCatalogus catalogus;
        private final Supplier<List<Deurantwoord>> deuren;

        Melding(SignaalCatalogus catalogus, Supplier<List<Deurantwoord>> deuren) {
            this.catalogus = catalogus;
            this.deuren = deuren;
            setShowReport(false);
            setShowServerInfo(false);
        }

        /** None while no application runs (starting, stopping: its beans are not to be asked for then). */
        private List<Deurantwoord> deuren(boolean afwezig) {
            try {
                return afwezig ? List.of() : deuren.get();
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        private boolean doorDeDeur(Request request, Response response, int status, Uitleg u, boolean afwezig) throws IOException {
            for (Deurantwoord deur : deuren(afwezig)) {
                if (deur.beantwoord(request, response, status, u.type, u.titel, u.zin(status) + u.waarom)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            // the raw request line's path (a request Tomcat could not parse has no decoded one); a request line
            // too broken to hold a path is told by its connector: the LAS door is the main one, the operator's
            // and the portal's doors are added beside it
            String uri = request.getCoyoteRequest().requestURI().toString();
            // at the main connector every answer is a SOAP fault, whatever the path (none, or "*" of POST *)
            boolean lasDeur = request.getConnector() != null && request.getConnector().getService() != null
                    && request.getConnector().getService().findConnectors()[0] == request.getConnector()
                    || uri != null && VerzoekBewaking.isLasDeur(uri);
            // no started application took the request: the hub is stopping (a kept-alive connection's request
            // after the application closed) or not yet there. Nothing is wrong with the request: send again.
            boolean afwezig = geenToepassing(request);
            try {
                response.resetBuffer();
                if (lasDeur) {
                    // 501 and 505: a method or HTTP version Tomcat does not serve (CONNECT, HTTP/3.0), the sender's doing
                    boolean hubFout = status >= 500 && status != 501 && status != 505;
                    String gegeven = hubFout ? null : status == 501 || status == 505 ? "HTTP-methode of -versie"
                            : "HTTP-verzoek (onleesbaar, of headers boven de grens)";
                    var signaal = afwezig || hubFout ? catalogus.signaal("358") : catalogus.signaal("360", gegeven);
                    // status and signal only: the request line may quote what the sender typed
                    LOG.warn("LAS request answered by Tomcat itself (HTTP {}{}): signal {}", status,
                            afwezig ? ", no application started" : "", signaal.code());
                    SoapFouten.weiger(response, signaal);
                } else {
                    int s = afwezig ? 503 : status;
                    // 501 and 505 (CONNECT, HTTP/3.0) are the sender's doing, as at the LAS door
                    Uitleg u = afwezig ? Uitleg.AFWEZIG : s == 501 || s == 505 ? Uitleg.METHODE : s >= 500 ? Uitleg.HUBFOUT : Uitleg.ONLEESBAAR;
                    if (uri != null && (uri.startsWith("/operator") || uri.startsWith("/afnemers"))) {
                        // the JSON doors answer every refusal as problem details, also this one (an encoded / or \, a NUL)
                        Probleem.schrijf(response, s, u.type, u.titel, u.zin(s) + u.waarom);
                    } else if (!doorDeDeur(request, response, s, u, afwezig)) {
                        // no door answers in its own form (the door the request came in at may, also one without a path)
                        response.setStatus(s);
                        response.setContentType("text/plain;charset=UTF-8");
                        String zin = u.zin(s);
                        response.getOutputStream().write((Character.toUpperCase(zin.charAt(0)) + zin.substring(1) + ".\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer is under way already: nothing more to say
            }
        }
    }
}
