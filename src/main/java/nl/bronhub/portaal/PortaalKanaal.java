package nl.bronhub.portaal;

import java.net.URI;
import java.util.Set;

import nl.bronhub.toegang.HttpsDeur;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The schools' door to the portal (bron.portaal.poort on bron.portaal.adres): HTTPS with the hub's
 * server certificate, no client certificate (a school signs in with its BRIN-nummer and password).
 */
@Component
public class PortaalKanaal extends HttpsDeur {

    private static final Logger LOG = LoggerFactory.getLogger(PortaalKanaal.class);

    private final PortaalEigenschappen eigenschappen;

    public PortaalKanaal(SslBundles bundels, @Value("${server.ssl.bundle}") String bundel,
                         PortaalEigenschappen eigenschappen) {
        super(bundels, bundel, eigenschappen.poort(), eigenschappen.adres(), "bron.portaal.adres");
        this.eigenschappen = eigenschappen;
    }

    /**
     * The link in every mail (bron.portaal.url) should open this portal: when it names this machine on another port than
     * the door's, the operator hears of it at start (a hub moved to other ports mailed links to the old one). A public
     * name is not judged: a proxy may stand in front.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void controleerUrl() {
        if (eigenschappen.poort() == 0) {
            return;
        }
        try {
            URI url = URI.create(eigenschappen.url().strip());
            int poort = url.getPort() >= 0 ? url.getPort() : "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
            if (url.getHost() != null && Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(url.getHost().toLowerCase())
                    && poort != poort()) {
                LOG.warn("bron.portaal.url names port {} of this machine, but the portal listens on {}: the links in the mails "
                        + "will not open the portal", poort, poort());
            }
        } catch (IllegalArgumentException onleesbaar) {
            LOG.warn("bron.portaal.url is not a URL: the links in the mails will not open the portal");
        }
    }
}
