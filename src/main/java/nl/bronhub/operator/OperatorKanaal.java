package nl.bronhub.operator;

import nl.bronhub.toegang.HttpsDeur;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The operators' own door (bron.operator.poort on bron.operator.adres): HTTPS with the hub's server
 * certificate and no client certificate asked. The LAS door (server.port) asks for one.
 */
@Component
public class OperatorKanaal implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SslBundles bundels;
    private final String bundel;
    private final int poort;
    private final String adres;
    private volatile HttpsDeur deur;

    public OperatorKanaal(SslBundles bundels, @Value("${server.ssl.bundle}") String bundel,
                          @Value("${bron.operator.poort}") int poort, @Value("${bron.operator.adres}") String adres) {
        this.bundels = bundels;
        this.bundel = bundel;
        this.poort = poort;
        this.adres = adres;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        deur = HttpsDeur.open(factory, bundels.getBundle(bundel), poort, adres, "bron.operator.adres");
    }

    /** The port the operator door listens on (the one Tomcat chose, when configured as 0). */
    public int poort() {
        HttpsDeur d = deur;
        return d == null ? -1 : d.poort();
    }
}
