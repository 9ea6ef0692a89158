package io.lucidmq.spring.core;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts Spring messages to LucidMQ records on send, and records to messages on receive.
 *
 * <p>On send, the payload goes through the payload converter: by default {@code byte[]} and
 * {@code String} as they are and any other object as JSON, with its class name in
 * {@link LucidHeaders#TYPE_ID} and {@code application/json} in the {@code contentType} header.
 * The routing headers of {@link LucidHeaders} set the topic, key, partition and timestamp.
 * Every other header becomes a record header: {@code byte[]} values as they are, other values
 * as the UTF-8 bytes of their string form. Spring's {@code id} and {@code timestamp} headers
 * and the other reserved {@code lucidmq_} headers are left out.
 *
 * <p>On receive, the message payload is the record value ({@code byte[]}, empty for a
 * {@code null} value), record headers arrive as {@code byte[]} except {@code contentType} and
 * {@link LucidHeaders#TYPE_ID}, which arrive as {@code String}, and the received headers of
 * {@link LucidHeaders} describe the record. Converting the payload to a listener parameter's
 * type is left to {@link #payloadConverter()}.
 *
 * <p>Immutable and thread-safe when the payload converter is.
 */
public class RecordMessageConverter {

    private static final byte[] EMPTY = new byte[0];

    private final SmartMessageConverter payloadConverter;

    /** Creates a converter with the default payload converters and a default JSON mapper. */
    public RecordMessageConverter() {
        this(JsonMapper.builder().findAndAddModules().build());
    }

    /** Creates a converter with the default payload converters and {@code jsonMapper}. */
    public RecordMessageConverter(JsonMapper jsonMapper) {
        this(defaultPayloadConverter(jsonMapper));
    }

    /** Creates a converter that converts payloads with {@code payloadConverter}. */
    public RecordMessageConverter(SmartMessageConverter payloadConverter) {
        this.payloadConverter = payloadConverter;
    }

    /**
     * Returns the default payload converter: {@link RawPayloadMessageConverter} first, then
     * Jackson 3 JSON with {@code jsonMapper}.
     */
    public static SmartMessageConverter defaultPayloadConverter(JsonMapper jsonMapper) {
        return new CompositeMessageConverter(List.of(
                new RawPayloadMessageConverter(), new JacksonJsonMessageConverter(jsonMapper)));
    }

    /** The converter between payloads and bytes, also used for listener parameters. */
    public SmartMessageConverter payloadConverter() {
        return payloadConverter;
    }

    /**
     * Converts {@code message} to a record.
     *
     * @param defaultTopic the topic when the message has no {@link LucidHeaders#TOPIC} header
     * @throws IllegalArgumentException if there is no topic or a routing header is invalid
     * @throws MessageConversionException if no converter can write the payload
     */
    public ProducerRecord toProducerRecord(Message<?> message, @Nullable String defaultTopic) {
        MessageHeaders headers = message.getHeaders();
        Message<?> converted = convertPayload(message);
        ProducerRecord.Builder builder = ProducerRecord.builder(topicOf(headers, defaultTopic))
                .key(keyBytes(headers.get(LucidHeaders.KEY)))
                .partition(partitionOf(headers))
                .timestamp(timestampOf(headers))
                .value(valueBytes(converted.getPayload()));
        Object payload = message.getPayload();
        if (!(payload instanceof byte[]) && !(payload instanceof String)) {
            builder.header(LucidHeaders.TYPE_ID, payload.getClass().getName());
        }
        Object contentType = converted.getHeaders().get(MessageHeaders.CONTENT_TYPE);
        if (contentType != null) {
            builder.header(MessageHeaders.CONTENT_TYPE, contentType.toString());
        }
        headers.forEach((name, value) -> {
            if (isCopiedToRecord(name) && value != null) {
                builder.header(name, headerBytes(value));
            }
        });
        return builder.build();
    }

    /**
     * Converts a received record to a message whose payload is the record value.
     *
     * @param extraHeaders headers to add, such as the group id or an acknowledgment
     */
    public Message<byte[]> toMessage(ConsumerRecord record, Map<String, Object> extraHeaders) {
        byte[] value = record.value();
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(value == null ? EMPTY : value);
        for (Header header : record.headers()) {
            byte[] headerValue = header.value();
            String name = header.name();
            if (headerValue == null || MessageHeaders.ID.equals(name)
                    || MessageHeaders.TIMESTAMP.equals(name)) {
                continue;
            }
            boolean text = MessageHeaders.CONTENT_TYPE.equals(name)
                    || LucidHeaders.TYPE_ID.equals(name);
            builder.setHeader(name, text ? header.valueAsString() : headerValue);
        }
        builder.setHeader(LucidHeaders.RECEIVED_TOPIC, record.topic())
                .setHeader(LucidHeaders.RECEIVED_PARTITION, record.partition())
                .setHeader(LucidHeaders.OFFSET, record.offset())
                .setHeader(LucidHeaders.RECEIVED_TIMESTAMP, record.timestamp())
                .setHeader(LucidHeaders.RECEIVED_KEY, record.key())
                .setHeader(LucidHeaders.RAW_RECORD, record);
        extraHeaders.forEach(builder::setHeader);
        return builder.build();
    }

    private Message<?> convertPayload(Message<?> message) {
        Message<?> converted = payloadConverter.toMessage(message.getPayload(),
                message.getHeaders());
        if (converted == null) {
            throw new MessageConversionException("no message converter can write a payload of "
                    + message.getPayload().getClass().getName() + "; use byte[], String or a "
                    + "type the JSON mapper can serialize");
        }
        return converted;
    }

    private static String topicOf(MessageHeaders headers, @Nullable String defaultTopic) {
        Object topic = headers.get(LucidHeaders.TOPIC);
        if (topic != null) {
            return topic.toString();
        }
        if (defaultTopic == null) {
            throw new IllegalArgumentException("message has no " + LucidHeaders.TOPIC
                    + " header and there is no default topic; set the header or "
                    + "lucidmq.template.default-topic");
        }
        return defaultTopic;
    }

    private static @Nullable Integer partitionOf(MessageHeaders headers) {
        Object partition = headers.get(LucidHeaders.PARTITION);
        if (partition == null) {
            return null;
        }
        if (partition instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(partition.toString().trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("header " + LucidHeaders.PARTITION
                    + " must be an integer, but was '" + partition + "'", ex);
        }
    }

    private static @Nullable Long timestampOf(MessageHeaders headers) {
        Object timestamp = headers.get(LucidHeaders.TIMESTAMP);
        if (timestamp == null) {
            return null;
        }
        if (timestamp instanceof Number number) {
            return number.longValue();
        }
        if (timestamp instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        try {
            return Long.valueOf(timestamp.toString().trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("header " + LucidHeaders.TIMESTAMP
                    + " must be milliseconds since the epoch, but was '" + timestamp + "'", ex);
        }
    }

    /** Returns a key as bytes: {@code byte[]} as it is, anything else as UTF-8 of its text. */
    static byte @Nullable [] keyBytes(@Nullable Object key) {
        return key == null ? null : headerBytes(key);
    }

    private static byte[] valueBytes(Object converted) {
        if (converted instanceof byte[] bytes) {
            return bytes;
        }
        if (converted instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new MessageConversionException("payload converter produced "
                + converted.getClass().getName() + "; it must produce byte[] or String");
    }

    private static byte[] headerBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isCopiedToRecord(String name) {
        return !name.startsWith(LucidHeaders.PREFIX)
                && !MessageHeaders.ID.equals(name)
                && !MessageHeaders.TIMESTAMP.equals(name)
                && !MessageHeaders.CONTENT_TYPE.equals(name);
    }
}
