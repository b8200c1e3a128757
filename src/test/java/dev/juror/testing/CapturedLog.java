package dev.juror.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log of one class, captured for a test that provokes errors on purpose: the events are kept
 * for assertions instead of printing on the build's console, where they would look like failures.
 * Use in try-with-resources; closing restores the logger.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        additive = logger.isAdditive();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false); // nothing reaches the console appender of the root logger
    }

    public static CapturedLog of(Class<?> type) {
        return new CapturedLog(type);
    }

    /** The formatted messages logged at {@code level}. */
    public List<String> messages(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Every event's message and the message of its exception, if any: what the log file would hold. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent e : appender.list) {
            text.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                text.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(additive);
        appender.stop();
    }
}
