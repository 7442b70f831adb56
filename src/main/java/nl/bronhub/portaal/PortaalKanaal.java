package nl.bronhub.portaal;

import nl.bronhub.toegang.HttpsDeur;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The schools' door to the portal (bron.portaal.poort on bron.portaal.adres): HTTPS with the hub's
 * server certificate, no client certificate (a school signs in with its BRIN-nummer and password).
 */
@Component
public class PortaalKanaal extends HttpsDeur {

    public PortaalKanaal(SslBundles bundels, @Value("${server.ssl.bundle}") String bundel,
                         PortaalEigenschappen eigenschappen) {
        super(bundels, bundel, eigenschappen.poort(), eigenschappen.adres(), "bron.portaal.adres");
    }
}
