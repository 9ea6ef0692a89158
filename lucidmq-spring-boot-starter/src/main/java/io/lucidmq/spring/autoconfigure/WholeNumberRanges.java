package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidConfig;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * The allowed range of each whole-number {@code lucidmq.*} property, for the messages about
 * values that Spring Boot cannot bind to the property's type: a number with a fraction, or a
 * number outside the Java type's range.
 */
final class WholeNumberRanges {

    /**
     * Smallest allowed value of each whole-number property, the same as the mappers check.
     * The keys of a topic's properties have {@code *} in place of the topic name.
     */
    static final Map<String, Integer> MINIMUMS = Map.of(
            "lucidmq.default-partitions", 1,
            "lucidmq.max-open-segment-files", LucidConfig.MIN_OPEN_SEGMENT_FILES,
            "lucidmq.topics.*.partitions", 1,
            "lucidmq.listener.concurrency", 1,
            "lucidmq.listener.max-poll-records", 1,
            "lucidmq.listener.retry.max-attempts", 1);

    private WholeNumberRanges() {
    }

    /**
     * Returns what {@code property} allows, such as {@code "use a whole number from 16 to
     * 2147483647"}. The maximum is that of {@code type}, {@code int} unless it is a
     * {@code long}. The minimum is the type's own for a property missing from
     * {@link #MINIMUMS}.
     */
    static String allowed(ConfigurationPropertyName property, Class<?> type) {
        boolean isLong = type == long.class || type == Long.class;
        long maximum = isLong ? Long.MAX_VALUE : Integer.MAX_VALUE;
        long typeMinimum = isLong ? Long.MIN_VALUE : Integer.MIN_VALUE;
        @Nullable Integer propertyMinimum = MINIMUMS.get(key(property));
        long minimum = propertyMinimum != null ? propertyMinimum : typeMinimum;
        return "use a whole number from " + minimum + " to " + maximum;
    }

    /** Returns whether {@code type} is {@code int} or {@code long}, boxed or not. */
    static boolean isWholeNumberType(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class
                || type == Long.class;
    }

    /** Returns the key of {@code property} in {@link #MINIMUMS}. */
    static String key(ConfigurationPropertyName property) {
        boolean topicProperty = property.getNumberOfElements() == 4
                && property.getElement(0, Form.UNIFORM).equals("lucidmq")
                && property.getElement(1, Form.UNIFORM).equals("topics");
        if (topicProperty) {
            return "lucidmq.topics.*." + property.getLastElement(Form.DASHED);
        }
        return property.toString();
    }
}
