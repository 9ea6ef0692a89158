package io.lucidmq.spring.autoconfigure;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Checks the keys under {@code lucidmq.topics} as they are written, before Spring Boot's
 * relaxed names change them. Binding would ignore a key whose topic name contains a dot, such
 * as {@code lucidmq.topics.orders.v1.partitions} (it reads topic {@code orders} with an
 * unknown setting {@code v1.partitions}), drop the characters of a name that a property name
 * cannot hold, such as the space in {@code bad name}, and ignore a misspelt setting. Stateless.
 */
final class TopicKeys {

    private static final String PREFIX = "lucidmq.topics";
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    /**
     * The settings of a topic: the fields of {@link LucidProperties.Topic}, dashed. NOTE: they
     * keep the declaration order that HotSpot's {@code getDeclaredFields} returns, which its
     * Javadoc does not promise.
     */
    private static final List<String> SETTINGS =
            Arrays.stream(LucidProperties.Topic.class.getDeclaredFields())
                    .filter(field -> !Modifier.isStatic(field.getModifiers()))
                    .map(field -> dashed(field.getName()))
                    .toList();

    private TopicKeys() {
    }

    /**
     * Throws an {@link InvalidLucidPropertyException} for the first key of {@code source} under
     * {@code lucidmq.topics} that is not a topic name and one of its settings.
     */
    static void check(EnumerablePropertySource<?> source) {
        for (String key : source.getPropertyNames()) {
            if (key.startsWith(PREFIX + ".") || key.startsWith(PREFIX + "[")) {
                check(key, source.getProperty(key));
            }
        }
    }

    private static void check(String key, Object value) {
        String rest = key.substring(PREFIX.length());
        String setting;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || !rest.startsWith("].", close)) {
                throw new InvalidLucidPropertyException(key, value, "write the topic name in "
                        + "brackets followed by a setting, such as "
                        + "'lucidmq.topics[orders.v1].partitions'");
            }
            // The name stays as written in brackets, and binding checks it as a topic name.
            setting = rest.substring(close + 2);
        } else {
            String[] parts = rest.substring(1).split("\\.", -1);
            if (parts.length > 2) {
                String name = String.join(".", List.of(parts).subList(0, parts.length - 1));
                throw new InvalidLucidPropertyException(key, value, "a topic name with a dot "
                        + "must be written in brackets: 'lucidmq.topics[" + name + "]."
                        + parts[parts.length - 1] + "' (in YAML, the key \"[" + name + "]\")");
            }
            if (parts.length < 2) {
                throw new InvalidLucidPropertyException(key, value, "name a setting of the "
                        + "topic, such as 'lucidmq.topics." + parts[0] + ".partitions'");
            }
            if (!TOPIC_NAME.matcher(parts[0]).matches()) {
                throw new InvalidLucidPropertyException(key, value, "topic '" + parts[0]
                        + "' has a character that topic names do not allow: use a-z A-Z 0-9 "
                        + ". _ -");
            }
            setting = parts[1];
        }
        if (!isSetting(setting)) {
            throw new InvalidLucidPropertyException(key, value, "'" + setting + "' is not a "
                    + "topic setting: use one of " + String.join(", ", SETTINGS));
        }
    }

    private static boolean isSetting(String setting) {
        String uniform = uniform(setting);
        return SETTINGS.stream().anyMatch(known -> uniform(known).equals(uniform));
    }

    /** Returns {@code name} in lower case without dashes and underscores, as relaxed names. */
    private static String uniform(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Returns a field name in the dashed form of a property name, such as max-record-size. */
    private static String dashed(String fieldName) {
        return fieldName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
