package io.lucidmq.spring.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Converts {@code byte[]} and {@code String} payloads as they are, whatever the content type.
 *
 * <p>On send, a {@code byte[]} stays as it is and a {@code String} becomes its UTF-8 bytes; no
 * content type is added. On receive, a {@code String} target gets the bytes decoded with the
 * charset of the {@code contentType} header, or UTF-8 without one, so a {@code String}
 * parameter also receives a JSON record as its text. Other types return {@code null}, which
 * lets the next converter of a composite try. Stateless and thread-safe.
 */
public final class RawPayloadMessageConverter implements SmartMessageConverter {

    @Override
    public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
        Object payload = message.getPayload();
        if (targetClass == String.class) {
            if (payload instanceof String text) {
                return text;
            }
            if (payload instanceof byte[] bytes) {
                return new String(bytes, charsetOf(message.getHeaders()));
            }
        }
        if (targetClass == byte[].class && payload instanceof byte[]) {
            return payload;
        }
        return null;
    }

    @Override
    public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass,
            @Nullable Object conversionHint) {
        return fromMessage(message, targetClass);
    }

    @Override
    public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
        byte[] bytes;
        if (payload instanceof byte[] raw) {
            bytes = raw;
        } else if (payload instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            return null;
        }
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(bytes);
        if (headers != null) {
            builder.copyHeaders(headers);
        }
        return builder.build();
    }

    @Override
    public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers,
            @Nullable Object conversionHint) {
        return toMessage(payload, headers);
    }

    private static Charset charsetOf(MessageHeaders headers) {
        Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
        MimeType mimeType = null;
        if (contentType instanceof MimeType type) {
            mimeType = type;
        } else if (contentType instanceof String text && !text.isBlank()) {
            mimeType = MimeTypeUtils.parseMimeType(text);
        }
        if (mimeType != null && mimeType.getCharset() != null) {
            return mimeType.getCharset();
        }
        return StandardCharsets.UTF_8;
    }
}
