package io.lucidmq.spring.listener.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Converts {@code byte[]} header values to {@code String} as UTF-8, and to any type the
 * conversion service can make from that string, so that {@code @Header("name") String} and
 * {@code @Header("count") int} parameters work on record headers. Thread-safe.
 */
final class Utf8BytesConverter implements ConditionalGenericConverter {

    private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);

    private final ConversionService conversionService;

    /** Creates the converter; {@code conversionService} converts the decoded string on. */
    Utf8BytesConverter(ConversionService conversionService) {
        this.conversionService = conversionService;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(byte[].class, Object.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        Class<?> target = targetType.getType();
        if (target.isAssignableFrom(byte[].class)) {
            return false;
        }
        return target == String.class || conversionService.canConvert(STRING, targetType);
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType,
            TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String text = new String((byte[]) source, StandardCharsets.UTF_8);
        if (targetType.getType() == String.class) {
            return text;
        }
        return conversionService.convert(text, STRING, targetType);
    }
}
