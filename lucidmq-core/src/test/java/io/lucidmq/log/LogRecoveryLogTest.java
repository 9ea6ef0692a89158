package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.crashCopy;
import static io.lucidmq.log.LogTestSupport.logFile;
import static io.lucidmq.log.LogTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What recovery logs for a preallocated tail and for damaged data. */
class LogRecoveryLogTest {

    private static final LogConfig CONFIG = LogTestSupport.config(64 * 1024);

    @TempDir
    Path temp;

    /** Writes three records and returns a copy of the files as a crash leaves them. */
    private Path crashedLog() {
        Path directory = temp.resolve("live");
        try (PartitionLog log = open(directory, CONFIG)) {
            appendValues(log, "a", "b", "c");
            return crashCopy(directory, temp.resolve("crashed"));
        }
    }

    /** Opens the log in {@code directory} and returns what {@link LogRecovery} logged. */
    private static List<ILoggingEvent> recoveryEvents(Path directory) {
        Logger logger = (Logger) LoggerFactory.getLogger(LogRecovery.class);
        Level previous = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try (PartitionLog log = open(directory, CONFIG)) {
            assertThat(log.endOffset()).isPositive();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
        return appender.list;
    }

    @Test
    void preallocatedTailIsReleasedWithoutWarning() {
        Path directory = crashedLog();

        List<ILoggingEvent> events = recoveryEvents(directory);

        assertThat(events).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.startsWith("Released "))
                .singleElement().asString()
                .contains("bytes of preallocated space after the last batch")
                .contains(logFile(directory, 0).toAbsolutePath().toString())
                .contains("next offset 3");
    }

    @Test
    void damagedBatchIsTruncatedWithWarning() {
        Path directory = crashedLog();
        Path file = logFile(directory, 0);
        long end = LogTestSupport.validEnd(file);
        int lastStart = LogTestSupport.batchPositions(file).get(2);
        LogTestSupport.flipByte(file, end - 10);

        List<ILoggingEvent> events = recoveryEvents(directory);

        assertThat(events).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString()
                .contains("bytes of damaged data at position " + lastStart + " of "
                        + file.toAbsolutePath())
                .contains("records from offset 2 on are lost");
        assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.startsWith("Released "));
    }
}
