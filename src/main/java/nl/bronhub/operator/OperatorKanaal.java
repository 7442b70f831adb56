package nl.bronhub.operator;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The operators' own door: a second HTTPS connector (bron.operator.poort, on bron.operator.adres) with
 * the hub's server certificate and no client certificate asked. The LAS door (server.port) asks for
 * one. Which path answers on which door is KanaalScheiding's business.
 */
@Component
public class OperatorKanaal implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SslBundles bundels;
    private final String bundel;
    private final int poort;
    private final String adres;
    private volatile Connector connector;

    public OperatorKanaal(SslBundles bundels, @Value("${server.ssl.bundle}") String bundel,
                          @Value("${bron.operator.poort}") int poort, @Value("${bron.operator.adres}") String adres) {
        this.bundels = bundels;
        this.bundel = bundel;
        this.poort = poort;
        this.adres = adres;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector c = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        c.setPort(poort);
        c.setScheme("https");
        c.setSecure(true);
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) c.getProtocolHandler();
        try {
            protocol.setAddress(InetAddress.getByName(adres));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bron.operator.adres " + adres + " is not an address of this machine", e);
        }
        protocol.setSSLEnabled(true);
        SslBundle ssl = bundels.getBundle(bundel);
        SSLHostConfig host = new SSLHostConfig();
        host.setHostName(protocol.getDefaultSSLHostConfigName());
        host.setCertificateVerification("none");
        if (ssl.getOptions().getEnabledProtocols() != null) {
            host.setProtocols(String.join(",", ssl.getOptions().getEnabledProtocols()));
        }
        SSLHostConfigCertificate certificaat = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificaat.setCertificateKeystore(ssl.getStores().getKeyStore());
        // as Spring Boot does for its own connector: a PEM bundle's in-memory store has an empty password
        String wachtwoord = ssl.getStores().getKeyStorePassword();
        certificaat.setCertificateKeystorePassword(wachtwoord != null ? wachtwoord : "");
        if (ssl.getKey().getPassword() != null) {
            certificaat.setCertificateKeyPassword(ssl.getKey().getPassword());
        }
        if (ssl.getKey().getAlias() != null) {
            certificaat.setCertificateKeyAlias(ssl.getKey().getAlias());
        }
        host.addCertificate(certificaat);
        protocol.addSslHostConfig(host);
        factory.addAdditionalTomcatConnectors(c);
        this.connector = c;
    }

    /** The port the operator door listens on (the one Tomcat chose, when configured as 0). */
    public int poort() {
        Connector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }
}
