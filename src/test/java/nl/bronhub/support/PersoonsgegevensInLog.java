package nl.bronhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * A log appender for the test suite (logback-test.xml) that looks at every log line of every hub the
 * tests start for personal data: the BSNs, names and addresses of the test persons, the surnames the
 * tests make up, and any nine-digit number that passes the BSN or onderwijsnummer check. Finds are
 * kept (the logger and level, not the line) for LogPrivacyTest.
 */
public class PersoonsgegevensInLog extends AppenderBase<ILoggingEvent> {

    private static final Pattern VELD = Pattern.compile("(?:bsn|achternaam|voornamen|straatnaam|postcode):\\s*\"?([^\",}\\n]+)");
    private static final Pattern NEGEN_CIJFERS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");
    private static final Set<String> VERBODEN = verboden();

    public static final AtomicLong REGELS = new AtomicLong();
    public static final List<String> VONDSTEN = Collections.synchronizedList(new ArrayList<>());

    /** Lines at ERROR, or with a stack trace, logged on a thread serving an HTTP request (any of the three doors). */
    private static final List<String> VERZOEKFOUTEN = Collections.synchronizedList(new ArrayList<>());

    /** What was logged at ERROR, or with a stack trace, while serving requests: a hostile request must cause neither. */
    public static List<String> verzoekFouten() {
        synchronized (VERZOEKFOUTEN) {
            return List.copyOf(VERZOEKFOUTEN);
        }
    }

    private static Set<String> verboden() {
        Set<String> verboden = new HashSet<>(Set.of("Zonder-Nummer-", "Teststraat"));
        for (String bestand : List.of(Hub.GBA.split(","))) {
            try {
                Matcher m = VELD.matcher(Files.readString(Path.of(bestand)));
                while (m.find()) {
                    verboden.add(m.group(1).trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return verboden;
    }

    /**
     * The word is not part of a longer word: no letter right before it or right after it (where the word itself begins
     * or ends with a letter; "Zonder-Nummer-" is a prefix). A short first name such as "Sem" or "Bas" is also part of
     * class names in a stack trace (Semaphore, ...Base), and those are no person's data.
     */
    static boolean losWoord(String regel, String woord) {
        boolean links = Character.isLetter(woord.charAt(0));
        boolean rechts = Character.isLetter(woord.charAt(woord.length() - 1));
        for (int i = regel.indexOf(woord); i >= 0; i = regel.indexOf(woord, i + 1)) {
            int eind = i + woord.length();
            if ((!links || i == 0 || !Character.isLetter(regel.charAt(i - 1)))
                    && (!rechts || eind == regel.length() || !Character.isLetter(regel.charAt(eind)))) {
                return true;
            }
        }
        return false;
    }

    /** The number passes the BSN elfproef or the onderwijsnummer's (remainder 5). */
    static boolean lijktOpPgn(String negen) {
        int som = 0;
        for (int i = 0; i < 8; i++) {
            som += (9 - i) * (negen.charAt(i) - '0');
        }
        int laatste = negen.charAt(8) - '0';
        return Math.floorMod(som - laatste, 11) == 0 || Math.floorMod(som + laatste, 11) == 5;
    }

    /**
     * The digits are part of a longer hexadecimal token with a letter in it: a certificate's fingerprint or a UUID's
     * group (12 characters or more), which by chance may hold nine digits in a row that pass the check.
     */
    static boolean inHexToken(String regel, int start, int eind) {
        int van = start;
        while (van > 0 && Character.digit(regel.charAt(van - 1), 16) >= 0) {
            van--;
        }
        int tot = eind;
        while (tot < regel.length() && Character.digit(regel.charAt(tot), 16) >= 0) {
            tot++;
        }
        return tot - van >= 12 && (van < start || tot > eind);
    }

    /** The test framework's own lines name the test methods (some after a test person): not the hub's. */
    private static boolean isVanDeTests(String logger) {
        return logger.startsWith("org.apache.camel.test.") || (logger.startsWith("nl.bronhub.") && logger.endsWith("Test"));
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (isVanDeTests(event.getLoggerName())) {
            return;
        }
        REGELS.incrementAndGet();
        if ((event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR) || event.getThrowableProxy() != null)
                && event.getThreadName().contains("-exec-")) {
            VERZOEKFOUTEN.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ")"));
        }
        StringBuilder tekst = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        event.getMDCPropertyMap().values().forEach(v -> tekst.append(' ').append(v));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            tekst.append(' ').append(t.getMessage());
        }
        String regel = tekst.toString();
        for (String woord : VERBODEN) {
            if (regel.contains(woord) && losWoord(regel, woord)) {
                VONDSTEN.add(event.getLevel() + " " + event.getLoggerName() + ": a test person's data (" + woord.length() + " characters)");
            }
        }
        Matcher m = NEGEN_CIJFERS.matcher(regel);
        while (m.find()) {
            if (lijktOpPgn(m.group()) && !inHexToken(regel, m.start(), m.end())) {
                VONDSTEN.add(event.getLevel() + " " + event.getLoggerName() + ": a nine-digit number that passes the BSN/onderwijsnummer check");
            }
        }
    }
}
