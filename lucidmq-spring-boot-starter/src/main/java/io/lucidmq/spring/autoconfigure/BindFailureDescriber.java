package io.lucidmq.spring.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.util.unit.DataSize;

/**
 * Describes a {@code lucidmq.*} value that Spring Boot could not bind to the property's type,
 * such as an unknown durability policy, a duration without a number or a number out of the
 * type's range.
 */
final class BindFailureDescriber {

    private BindFailureDescriber() {
    }

    /**
     * Returns an exception that names the property, the value as written and the allowed
     * values, or {@code null} when {@code bind} is not about a {@code lucidmq.*} property.
     * The exception is the cause of {@code bind} when {@link LucidPropertiesBindHandler}
     * threw it.
     */
    static @Nullable InvalidLucidPropertyException describe(BindException bind) {
        ConfigurationPropertyName name = bind.getName();
        String property = name.toString();
        if (!property.startsWith("lucidmq.")) {
            return null;
        }
        if (bind.getCause() instanceof InvalidLucidPropertyException invalid) {
            return invalid;
        }
        ConfigurationProperty bound = bind.getProperty();
        Object value = bound != null ? bound.getValue() : null;
        Class<?> type = targetType(bind);
        return new InvalidLucidPropertyException(property, value, allowed(name, type));
    }

    private static @Nullable Class<?> targetType(BindException bind) {
        for (Throwable cause = bind.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConversionFailedException conversion) {
                return conversion.getTargetType().getObjectType();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return bind.getTarget().getType().resolve();
    }

    private static String allowed(ConfigurationPropertyName property, @Nullable Class<?> type) {
        String noLimit = allowsNoLimit(property.toString()) ? ", or -1 for no limit" : "";
        if (type != null && type.isEnum()) {
            return "use one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "use a duration such as 500ms, 30s or 7d" + noLimit;
        }
        if (type == DataSize.class) {
            return "use a size such as 512KB, 64MB or 1GB" + noLimit;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "use true or false";
        }
        if (type != null && WholeNumberRanges.isWholeNumberType(type)) {
            return WholeNumberRanges.allowed(property, type);
        }
        if (type == Double.class || type == double.class) {
            return "use a number such as 2.0";
        }
        String name = type == null ? "the property's type" : type.getSimpleName();
        return "use a value that converts to " + name;
    }

    /** Returns whether -1 means no limit, as for {@code retention} and {@code retention-bytes}. */
    private static boolean allowsNoLimit(String property) {
        return property.endsWith(".retention") || property.endsWith(".retention-bytes");
    }
}
