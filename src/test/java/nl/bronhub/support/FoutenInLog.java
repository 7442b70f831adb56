package nl.bronhub.support;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Collects, while it is open, every log event at ERROR and every WARN that carries a stack trace, of
 * any logger: a refused request should leave neither. (Not INFO: Tomcat notes the first unreadable
 * request line or header of a run at INFO with its exception, then at DEBUG; that is the HTTP layer
 * refusing, as it should, with a 400.) Keeps the logger, level and message only; and,
 * apart, every message (to look for input echoed into the log).
 */
public final class FoutenInLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> regels = new ArrayList<>();
    private final List<String> alle = new ArrayList<>();

    public static FoutenInLog open() {
        FoutenInLog log = new FoutenInLog();
        log.setName("fouten-in-log");
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        if (alle.size() < 10_000) {
            alle.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage());
        }
        if (e.getLevel().isGreaterOrEqual(Level.ERROR) || (e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN))) {
            regels.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ")"));
        }
    }

    /** What was collected so far, and starts again. */
    public synchronized List<String> neem() {
        List<String> kopie = List.copyOf(regels);
        regels.clear();
        alle.clear();
        return kopie;
    }

    /** Every message since the last {@link #neem()}. */
    public synchronized List<String> alleRegels() {
        return List.copyOf(alle);
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }
}
