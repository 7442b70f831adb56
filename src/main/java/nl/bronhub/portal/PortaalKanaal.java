package nl.bronhub.portal;

import nl.bronhub.toegang.HttpsDeur;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The schools' door to the portal (bron.portaal.poort on bron.portaal.adres): HTTPS with the hub's
 * server certificate, no client certificate (a school signs in with its BRIN-nummer and password).
 */
@Component
public class PortaalKanaal implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SslBundles bundels;
    private final String bundel;
    private final int poort;
    private final String adres;
    private volatile HttpsDeur deur;

    public PortaalKanaal(SslBundles bundels, @Value("${server.ssl.bundle}") String bundel,
                         @Value("${bron.portaal.poort}") int poort, @Value("${bron.portaal.adres}") String adres) {
        this.bundels = bundels;
        this.bundel = bundel;
        this.poort = poort;
        this.adres = adres;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        deur = HttpsDeur.open(factory, bundels.getBundle(bundel), poort, adres, "bron.portaal.adres");
    }

    public int poort() {
        HttpsDeur d = deur;
        return d == null ? -1 : d.poort();
    }
}
