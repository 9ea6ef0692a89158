package io.lucidmq.sample.reading;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One measurement of one metric on one host, for example the CPU usage of a gateway. Immutable.
 *
 * <p>The constructor enforces every rule, so each instance is valid: {@code host} and
 * {@code metric} are names of 1 to {@value #MAX_NAME_LENGTH} characters from
 * {@code [A-Za-z0-9._-]}, {@code value} is a finite number and {@code timestamp} is present.
 * The slash is excluded from names because the record key is {@code host/metric}.
 *
 * @param host the device that took the reading
 * @param metric what was measured
 * @param value the measured value
 * @param timestamp when the reading was taken
 * @throws InvalidReadingException if a component breaks a rule; the message names it
 */
public record Reading(String host, String metric, double value, Instant timestamp) {

    /** The maximum length of {@link #host()} and {@link #metric()}, in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    /** The characters allowed in {@link #host()} and {@link #metric()}, as a regex class. */
    public static final String NAME_CHARACTERS = "[A-Za-z0-9._-]";

    private static final Pattern NAME = Pattern.compile(NAME_CHARACTERS + "+");

    public Reading {
        requireName("host", host);
        requireName("metric", metric);
        if (!Double.isFinite(value)) {
            throw new InvalidReadingException("value",
                    "value must be a finite number, but was " + value);
        }
        if (timestamp == null) {
            throw new InvalidReadingException("timestamp", "timestamp is missing");
        }
    }

    /** Returns the record key of this reading: {@code host/metric}. */
    public String key() {
        return host + "/" + metric;
    }

    private static void requireName(String field, String name) {
        if (name == null) {
            throw new InvalidReadingException(field, field + " is missing");
        }
        if (name.isEmpty()) {
            throw new InvalidReadingException(field, field + " must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidReadingException(field, field + " must be at most "
                    + MAX_NAME_LENGTH + " characters, but has " + name.length());
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidReadingException(field, field + " may contain only "
                    + NAME_CHARACTERS + ", but was \"" + name + "\"");
        }
    }
}
