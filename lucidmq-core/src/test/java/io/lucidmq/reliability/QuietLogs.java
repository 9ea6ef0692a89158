package io.lucidmq.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the level of the {@code io.lucidmq} loggers while a harness repeats recoveries
 * thousands of times, so that their expected warnings do not flood the test output; restores
 * the previous level on close. Not thread-safe.
 */
final class QuietLogs implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.lucidmq");
    private final Level previous;

    private QuietLogs(Level level) {
        previous = logger.getLevel();
        logger.setLevel(level);
    }

    /** Lets only errors of the engine through until closed. */
    static QuietLogs errorsOnly() {
        return new QuietLogs(Level.ERROR);
    }

    @Override
    public void close() {
        logger.setLevel(previous);
    }
}
