package nl.bronhub.voortgang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the mail server the voortgangsmails go to (bron.mail.uri): does it greet with 220? Only
 * host and port are shown, never the credentials in the URI.
 */
@Component("smtp")
public class SmtpGezondheid extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 2000;

    private final URI uri;

    public SmtpGezondheid(MailEigenschappen mail) {
        super("SMTP health check failed");
        // camel-mail's URI; its query (which may hold a password) is not needed here
        this.uri = URI.create(mail.uri().replaceFirst("\\?.*$", ""));
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        boolean smtps = "smtps".equalsIgnoreCase(uri.getScheme());
        int poort = uri.getPort() > 0 ? uri.getPort() : smtps ? 465 : 25;
        health.withDetail("server", uri.getHost() + ":" + poort);
        // a relay that is down is a state, not a fault of the hub: DOWN with the kind of failure, no stack trace in the
        // log (anyone may ask /actuator/health, and each ask would log one)
        try (Socket socket = smtps ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), poort), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            String groet = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            OutputStream uit = socket.getOutputStream();
            uit.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            uit.flush();
            if (groet != null && groet.startsWith("220")) {
                health.up();
            } else {
                health.down().withDetail("antwoord", groet == null ? "geen" : groet.substring(0, Math.min(groet.length(), 80)));
            }
        } catch (IOException e) {
            health.down().withDetail("fout", e instanceof SocketTimeoutException ? "geen antwoord binnen " + TIMEOUT_MS + " ms"
                    : "niet bereikbaar (" + e.getClass().getSimpleName() + ")");
        }
    }
}
