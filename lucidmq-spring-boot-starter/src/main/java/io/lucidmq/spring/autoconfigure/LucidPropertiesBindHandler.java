package io.lucidmq.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Rejects the {@code lucidmq.*} values that Spring Boot would bind wrongly, or ignore, without
 * an error. A number with a fraction, which YAML reads as a {@code Double}, is truncated by
 * the number converter when bound to a whole-number property. A YAML list given for a single-value
 * property becomes indexed names such as {@code lucidmq.default-partitions[0]}, which binding
 * ignores, so the default stays. A duration without a unit is read as milliseconds. A
 * {@code lucidmq.topics} key that does not name a topic and one of its settings (see
 * {@link TopicKeys}) is ignored. Each throws an {@link InvalidLucidPropertyException} that
 * names the property and the value, which the binder wraps in a {@code BindException}.
 *
 * <p>One instance serves one binding of one configuration properties bean on one thread, and
 * acts only when that bean is a {@link LucidProperties}.
 */
final class LucidPropertiesBindHandler extends AbstractBindHandler {

    private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?\\d+");

    private boolean bindingLucidProperties;

    LucidPropertiesBindHandler(BindHandler parent) {
        super(parent);
    }

    @Override
    public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target,
            BindContext context) {
        if (context.getDepth() == 0) {
            Class<?> type = target.getType().resolve(Object.class);
            bindingLucidProperties = LucidProperties.class.isAssignableFrom(type);
        }
        return super.onStart(name, target, context);
    }

    @Override
    public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target,
            BindContext context, Object result) {
        Class<?> type = target.getType().resolve(Object.class);
        if (bindingLucidProperties && WholeNumberRanges.isWholeNumberType(type)) {
            rejectFraction(name, type, context.getConfigurationProperty());
        }
        if (bindingLucidProperties && type == Duration.class) {
            rejectDurationWithoutUnit(name, context.getConfigurationProperty());
        }
        return super.onSuccess(name, target, context, result);
    }

    @Override
    public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
            @Nullable Object result) throws Exception {
        if (bindingLucidProperties && result == null && isSingleValue(target)) {
            rejectList(name, context);
        }
        if (bindingLucidProperties && context.getDepth() == 0) {
            for (ConfigurationPropertySource source : context.getSources()) {
                if (source.getUnderlyingSource() instanceof EnumerablePropertySource<?> raw) {
                    TopicKeys.check(raw);
                }
            }
        }
        super.onFinish(name, target, context, result);
    }

    /**
     * Throws for a duration given as a bare number, such as {@code retention: 7}, which Spring
     * Boot would read as milliseconds. {@code -1}, which turns a limit off, stays allowed.
     */
    private static void rejectDurationWithoutUnit(ConfigurationPropertyName name,
            @Nullable ConfigurationProperty property) {
        if (property == null) {
            return;
        }
        String text = String.valueOf(property.getValue()).trim();
        if (BARE_NUMBER.matcher(text).matches() && !text.equals("-1")) {
            throw new InvalidLucidPropertyException(name.toString(), property.getValue(),
                    "give a unit, such as 500ms, 30s, 5m, 12h or 7d: a number alone would be "
                            + "read as milliseconds");
        }
    }

    private static void rejectFraction(ConfigurationPropertyName name, Class<?> type,
            @Nullable ConfigurationProperty property) {
        if (property != null && property.getValue() instanceof Number number
                && !isWhole(number)) {
            throw new InvalidLucidPropertyException(name.toString(), number,
                    WholeNumberRanges.allowed(name, type));
        }
    }

    private static boolean isWhole(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            return Double.isFinite(value) && value == Math.rint(value);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0;
        }
        return true;
    }

    /**
     * Returns whether {@code target} binds from one value: neither a map, a collection nor an
     * array, and none of the property groups nested in {@link LucidProperties}.
     */
    private static boolean isSingleValue(Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        return !Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)
                && !type.isArray() && type != LucidProperties.class
                && type.getEnclosingClass() != LucidProperties.class;
    }

    /** Throws if a property source contains list elements under {@code name}. */
    private static void rejectList(ConfigurationPropertyName name, BindContext context) {
        for (ConfigurationPropertySource source : context.getSources()) {
            if (source.containsDescendantOf(name) != ConfigurationPropertyState.PRESENT
                    || !(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            int indexElement = name.getNumberOfElements();
            List<ConfigurationPropertyName> elements = iterable.stream()
                    .filter(name::isAncestorOf)
                    .filter(element -> element.isNumericIndex(indexElement))
                    .toList();
            if (!elements.isEmpty()) {
                throw new InvalidLucidPropertyException(name.toString(),
                        listText(name, iterable, elements), "give one value instead of a list");
            }
        }
    }

    /**
     * Returns the list as written, such as {@code [2, 3]}. An element with nested names shows
     * each name under the property with its value, such as {@code [0].size=3}.
     */
    private static String listText(ConfigurationPropertyName name,
            ConfigurationPropertySource source, List<ConfigurationPropertyName> elements) {
        return elements.stream()
                .map(element -> {
                    ConfigurationProperty property = source.getConfigurationProperty(element);
                    Object value = property == null ? null : property.getValue();
                    int depth = element.getNumberOfElements() - name.getNumberOfElements();
                    return depth == 1 ? String.valueOf(value)
                            : element.subName(name.getNumberOfElements()) + "=" + value;
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
