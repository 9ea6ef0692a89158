package io.lucidmq.spring.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * Checks of {@code lucidmq.*} property values, each throwing an
 * {@link InvalidLucidPropertyException} that names the property, the value and what is
 * allowed.
 */
final class PropertyChecks {

    /** The value of a retention property that means no limit. */
    static final long NO_LIMIT = -1;

    private PropertyChecks() {
    }

    static Duration positive(String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new InvalidLucidPropertyException(property, value,
                    "use a duration above zero, such as 500ms or 1s");
        }
        return value;
    }

    static Duration notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new InvalidLucidPropertyException(property, value,
                    "use a duration of zero or more, such as 0s or 1s");
        }
        return value;
    }

    static int atLeast(String property, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidLucidPropertyException(property, value,
                    "use an integer of at least " + minimum);
        }
        return value;
    }

    /** Returns a size in bytes that must fit an {@code int} and be at least {@code minimum}. */
    static int bytes(String property, DataSize value, int minimum) {
        long bytes = value.toBytes();
        if (bytes < minimum || bytes > Integer.MAX_VALUE) {
            throw new InvalidLucidPropertyException(property, value, "use a size from "
                    + formatBytes(minimum) + " to " + Integer.MAX_VALUE + "B");
        }
        return (int) bytes;
    }

    /** Returns a retention size in bytes, or {@link #NO_LIMIT} when unset or -1. */
    static long retentionBytes(String property, @Nullable DataSize value) {
        if (value == null || value.toBytes() == NO_LIMIT) {
            return NO_LIMIT;
        }
        if (value.toBytes() < 1) {
            throw new InvalidLucidPropertyException(property, value,
                    "use a size above zero, such as 10GB, or -1 for no limit");
        }
        return value.toBytes();
    }

    /** Returns a retention age in milliseconds, or {@link #NO_LIMIT} for -1. */
    static long retentionMs(String property, Duration value) {
        if (value.equals(Duration.ofMillis(NO_LIMIT))) {
            return NO_LIMIT;
        }
        if (value.toMillis() < 1) {
            throw new InvalidLucidPropertyException(property, value,
                    "use a duration of at least 1ms, such as 7d, or -1 for no limit");
        }
        return value.toMillis();
    }

    static double atLeast(String property, double value, double minimum) {
        if (!(value >= minimum) || Double.isInfinite(value)) {
            throw new InvalidLucidPropertyException(property, value,
                    "use a finite number of at least " + minimum);
        }
        return value;
    }

    private static String formatBytes(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "B";
    }
}
