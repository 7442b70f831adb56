package nl.bronhub.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A real SMTP server for the tests (GreenMail) on a port of its own that stays the same when it is
 * stopped and started again, as an outage and recovery of the mail relay.
 */
public final class Mailserver implements AutoCloseable {

    /** A received mail: recipient, subject, the plain-text and HTML parts, and the sender (From). */
    public record Mail(String aan, String onderwerp, String tekst, String html, String van) {
    }

    private final int poort;
    private GreenMail greenMail;

    public Mailserver() {
        try (ServerSocket vrij = new ServerSocket(0)) {
            this.poort = vrij.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    public String uri() {
        return "smtp://127.0.0.1:" + poort + "?connectionTimeout=2000&contentType=text/html";
    }

    public void start() {
        greenMail = new GreenMail(new ServerSetup(poort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public void stop() {
        greenMail.stop();
    }

    public List<Mail> ontvangen() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mailserver::lees).toList();
    }

    public List<Mail> aan(String adres) {
        return ontvangen().stream().filter(m -> m.aan().equals(adres)).toList();
    }

    /** The mails that reached a mailbox of this domain (a mail to two addresses reaches both). */
    public List<Mail> voorDomein(String domein) {
        return Arrays.stream(greenMail.getReceivedMessagesForDomain(domein)).map(Mailserver::lees).toList();
    }

    private static Mail lees(MimeMessage m) {
        try {
            String tekst = null;
            String html = null;
            MimeMultipart delen = (MimeMultipart) m.getContent();
            for (int i = 0; i < delen.getCount(); i++) {
                if (delen.getBodyPart(i).isMimeType("text/plain")) {
                    tekst = delen.getBodyPart(i).getContent().toString().replace("\r\n", "\n");
                } else if (delen.getBodyPart(i).isMimeType("text/html")) {
                    html = delen.getBodyPart(i).getContent().toString();
                }
            }
            return new Mail(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(), tekst, html,
                    m.getFrom() == null ? null : m.getFrom()[0].toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
