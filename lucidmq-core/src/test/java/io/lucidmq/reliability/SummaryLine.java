package io.lucidmq.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line a harness run ends with, such as
 * {@code crash-torture: trials=20 acknowledged=12345 lost=0}: counters in the order they were
 * first touched. Logged at info and printed to standard output, which surefire keeps in the
 * test's output file. Not thread-safe.
 */
final class SummaryLine {

    private static final Logger logger = LoggerFactory.getLogger(SummaryLine.class);

    private final String harness;
    private final Map<String, Long> counters = new LinkedHashMap<>();

    SummaryLine(String harness, String... counterNames) {
        this.harness = harness;
        for (String name : counterNames) {
            counters.put(name, 0L);
        }
    }

    /** Adds {@code amount} to a counter. */
    void add(String counter, long amount) {
        counters.merge(counter, amount, Long::sum);
    }

    /** Adds one to a counter. */
    void increment(String counter) {
        add(counter, 1);
    }

    /** Returns a counter's value, 0 when never touched. */
    long get(String counter) {
        return counters.getOrDefault(counter, 0L);
    }

    /** Formats the line. */
    String format() {
        StringBuilder line = new StringBuilder(harness).append(':');
        counters.forEach((name, value) -> line.append(' ').append(name).append('=')
                .append(value));
        return line.toString();
    }

    /** Logs and prints the line with {@code suffix} appended, such as the seed. */
    void publish(String suffix) {
        String line = format() + suffix;
        logger.info(line);
        System.out.println(line);
        System.out.flush();
    }
}
