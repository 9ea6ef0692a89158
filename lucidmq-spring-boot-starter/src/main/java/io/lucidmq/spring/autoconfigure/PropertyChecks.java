package io.lucidmq.spring.autoconfigure;

import io.lucidmq.topic.TopicConfig;
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

    /** The largest maximum record size: the largest segment less the segment overhead. */
    static final int MAX_RECORD_BYTES = Integer.MAX_VALUE - TopicConfig.SEGMENT_OVERHEAD_BYTES;

    /** The maximum duration that {@link #formatDuration} writes in units: about 292 years. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000 / 1000;

    private PropertyChecks() {
    }

    static Duration positive(String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new InvalidLucidPropertyException(property, formatDuration(value),
                    "use a duration above zero, such as 500ms or 1s");
        }
        return value;
    }

    static Duration notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new InvalidLucidPropertyException(property, formatDuration(value),
                    "use a duration of zero or more, such as 0s or 1s");
        }
        return value;
    }

    static int atLeast(String property, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidLucidPropertyException(property, value,
                    "use a whole number from " + minimum + " to " + Integer.MAX_VALUE);
        }
        return value;
    }

    /** Returns a segment size in bytes, from {@code TopicConfig.MIN_SEGMENT_BYTES} to 2GB - 1B. */
    static int segmentBytes(String property, DataSize value) {
        return bytes(property, value, TopicConfig.MIN_SEGMENT_BYTES, Integer.MAX_VALUE, "");
    }

    /**
     * Returns a maximum record size in bytes. The largest allowed value leaves
     * {@code TopicConfig.SEGMENT_OVERHEAD_BYTES} of the largest segment for its overhead.
     */
    static int maxRecordBytes(String property, DataSize value) {
        return bytes(property, value, 1, MAX_RECORD_BYTES, ", because the largest segment, "
                + formatSize(Integer.MAX_VALUE) + ", must also hold "
                + formatSize(TopicConfig.SEGMENT_OVERHEAD_BYTES) + " of overhead");
    }

    private static int bytes(String property, DataSize value, int minimum, int maximum,
            String reason) {
        long bytes = value.toBytes();
        if (bytes < minimum || bytes > maximum) {
            throw new InvalidLucidPropertyException(property, formatSize(bytes), "use a size "
                    + "from " + formatSize(minimum) + " to " + formatSize(maximum) + reason);
        }
        return (int) bytes;
    }

    /** Returns a retention size in bytes, or {@link #NO_LIMIT} when unset or -1. */
    static long retentionBytes(String property, @Nullable DataSize value) {
        if (value == null || value.toBytes() == NO_LIMIT) {
            return NO_LIMIT;
        }
        if (value.toBytes() < 1) {
            throw new InvalidLucidPropertyException(property, formatSize(value.toBytes()),
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
            throw new InvalidLucidPropertyException(property, formatDuration(value),
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

    /**
     * Formats {@code value} in the largest of the units d, h, m, s and ms that divides it
     * exactly, as the properties are written, such as {@code 0s} or {@code -1500ms}. A value
     * with a part below a millisecond, or longer than about 292 years, keeps the ISO-8601
     * form, such as {@code PT0.0001S}.
     */
    static String formatDuration(Duration value) {
        long[] units = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] names = {"d", "h", "m", "s", "ms"};
        if (value.isZero()) {
            return "0s";
        }
        if (value.getNano() % 1_000_000 != 0 || value.abs().getSeconds() > MAX_SECONDS) {
            return value.toString();
        }
        long millis = value.toMillis();
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return value.toString();
    }

    /**
     * Formats {@code bytes} in the largest unit of {@code DataSize} (B, KB, MB, GB, TB, each
     * 1024 times the one before) that divides it exactly, such as {@code -5MB} or
     * {@code 1500B}.
     */
    static String formatSize(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        long amount = bytes;
        int unit = 0;
        while (unit < units.length - 1 && amount != 0 && amount % 1024 == 0) {
            amount /= 1024;
            unit++;
        }
        return amount + units[unit];
    }
}
