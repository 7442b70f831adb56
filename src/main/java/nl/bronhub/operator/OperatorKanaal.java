package nl.bronhub.operator;

import nl.bronhub.toegang.HttpsDeur;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The operators' own door (bron.operator.poort on bron.operator.adres): HTTPS with the hub's server
 * certificate and no client certificate asked. The LAS door (server.port) asks for one.
 */
@Component
public class OperatorKanaal extends HttpsDeur {

    public OperatorKanaal(SslBundles bundels, @Value("${server.ssl.bundle}") String bundel,
                          OperatorEigenschappen eigenschappen) {
        super(bundels, bundel, eigenschappen.poort(), eigenschappen.adres(), "bron.operator.adres");
    }
}
