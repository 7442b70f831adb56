package nl.bronhub.voortgang;

import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the hub (GreenMail), so the default run sends its mails without an external
 * mail server; the operator reads what arrived at GET /operator/mailserver/berichten. Production
 * sets bron.mail.ingebouwd to false and bron.mail.uri to a real relay.
 */
@Component
@ConditionalOnProperty(name = "bron.mail.ingebouwd", havingValue = "true")
public class IngebouwdeMailserver implements DisposableBean {

    /** A received mail: inhoud is the plain-text part (as a person reads it), html the HTML part (null when none). */
    public record Ontvangen(List<String> aan, String van, String onderwerp, Instant ontvangen, String inhoud, String html) {
    }

    private final GreenMail greenMail;

    public IngebouwdeMailserver(MailEigenschappen mail) {
        int poort = mail.ingebouwdPoort();
        this.greenMail = new GreenMail(new ServerSetup(poort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Each mail once, though the server keeps a copy per recipient's mailbox. */
    public List<Ontvangen> berichten() {
        Set<String> gezien = new HashSet<>();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> gezien.add(kenmerk(m))).map(IngebouwdeMailserver::lees).toList();
    }

    private static String kenmerk(MimeMessage m) {
        try {
            return m.getMessageID() != null ? m.getMessageID() : String.valueOf(System.identityHashCode(m));
        } catch (MessagingException e) {
            return String.valueOf(System.identityHashCode(m));
        }
    }

    private static Ontvangen lees(MimeMessage m) {
        try {
            return new Ontvangen(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList(),
                    m.getFrom() == null || m.getFrom().length == 0 ? null : m.getFrom()[0].toString(),
                    m.getSubject(), m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant(), tekst(m), html(m));
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable mail in the embedded server", e);
        }
    }

    /** The plain-text part, as a person would read the mail. */
    private static String tekst(MimeMessage m) throws Exception {
        if (m.getContent() instanceof MimeMultipart delen) {
            for (int i = 0; i < delen.getCount(); i++) {
                if (delen.getBodyPart(i).isMimeType("text/plain")) {
                    return delen.getBodyPart(i).getContent().toString();
                }
            }
        }
        return GreenMailUtil.getBody(m);
    }

    /** The HTML part, as the mail program shows it; null for a mail with none. */
    private static String html(MimeMessage m) throws Exception {
        if (m.getContent() instanceof MimeMultipart delen) {
            for (int i = 0; i < delen.getCount(); i++) {
                if (delen.getBodyPart(i).isMimeType("text/html")) {
                    return delen.getBodyPart(i).getContent().toString();
                }
            }
            return null;
        }
        return m.isMimeType("text/html") ? GreenMailUtil.getBody(m) : null;
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
