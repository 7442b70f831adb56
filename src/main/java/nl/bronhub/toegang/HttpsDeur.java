package nl.bronhub.toegang;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * An extra HTTPS door of the hub beside the LAS door (server.port): a Tomcat connector on its own port
 * and address, with the hub's server certificate and no client certificate asked. The operator API and
 * the school portal each have one; which path answers on which door is KanaalScheiding's business.
 */
public abstract class HttpsDeur implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /**
     * A refused body up to this size is still read to its end (and dropped) before the connection closes: closing on
     * bytes not yet read resets the connection, and the reset can take the answer with it (a school's browser showed
     * "connection reset" instead of the 413 page of a 3 MB form). Tomcat's default is 2 MB; a larger body is not read
     * on, and its sender may not see the answer.
     */
    static final int UITLEZEN_BYTES = 16 * 1024 * 1024;

    private final SslBundles bundels;
    private final String bundel;
    private final int poort;
    private final String adres;
    private final String adresSleutel;
    private volatile Connector connector;

    /** @param adresSleutel the configuration key of the address, for the message when it is not this machine's */
    protected HttpsDeur(SslBundles bundels, String bundel, int poort, String adres, String adresSleutel) {
        this.bundels = bundels;
        this.bundel = bundel;
        this.poort = poort;
        this.adres = adres;
        this.adresSleutel = adresSleutel;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        connector = open(factory, bundels.getBundle(bundel), poort, adres, adresSleutel);
    }

    private static Connector open(TomcatServletWebServerFactory factory, SslBundle ssl, int poort, String adres, String sleutel) {
        Connector c = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        c.setPort(poort);
        c.setScheme("https");
        c.setSecure(true);
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) c.getProtocolHandler();
        try {
            protocol.setAddress(InetAddress.getByName(adres));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(sleutel + " " + adres + " is not an address of this machine", e);
        }
        protocol.setMaxSwallowSize(UITLEZEN_BYTES);
        protocol.setSSLEnabled(true);
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
        return c;
    }

    /** The port the door listens on (the one Tomcat chose, when configured as 0); -1 before it is open. */
    public int poort() {
        Connector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }
}
