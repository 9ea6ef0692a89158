package io.lucidmq.spring.core;

import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.spring.metrics.TemplateMetrics;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends payloads, messages and records to LucidMQ topics.
 *
 * <p>Each send converts its payload with the {@link RecordMessageConverter} and returns a
 * future that completes when the record is as durable as the topic's durability policy
 * promises, or completes exceptionally with the engine's exception (for example
 * {@code RecordTooLargeException} or {@code UnknownTopicException}). A payload that cannot be
 * converted throws at once, and nothing is sent. A failed send leaves nothing in the topic.
 *
 * <p>Thread-safe: share one template. Configure it (default topic, metrics) before the first
 * send. {@link #close()} closes the producer it was created with.
 */
public class LucidTemplate implements AutoCloseable {

    private final Producer producer;
    private final RecordMessageConverter converter;
    private volatile @Nullable String defaultTopic;
    private volatile TemplateMetrics metrics = TemplateMetrics.none();

    /** Creates a template that sends through {@code producer}. */
    public LucidTemplate(Producer producer, RecordMessageConverter converter) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    /** Sets the topic of {@link #sendDefault} and of messages without a topic header. */
    public void setDefaultTopic(@Nullable String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    /** Returns the default topic, or {@code null}. */
    public @Nullable String getDefaultTopic() {
        return defaultTopic;
    }

    /** Sets the metrics that time every send. */
    public void setMetrics(TemplateMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Returns the converter between messages and records. */
    public RecordMessageConverter getConverter() {
        return converter;
    }

    /** Sends {@code payload} without a key to {@code topic}. */
    public <T> CompletableFuture<SendResult<T>> send(String topic, @Nullable T payload) {
        return send(topic, null, payload);
    }

    /**
     * Sends {@code payload} with {@code key} to {@code topic}. A {@code null} payload sends a
     * record with a {@code null} value.
     *
     * @param key the key: {@code byte[]} as it is, anything else as the UTF-8 bytes of its
     *     string form; {@code null} for none
     */
    public <T> CompletableFuture<SendResult<T>> send(String topic, @Nullable Object key,
            @Nullable T payload) {
        Objects.requireNonNull(topic, "topic");
        if (payload == null) {
            ProducerRecord record = ProducerRecord.builder(topic)
                    .key(RecordMessageConverter.keyBytes(key))
                    .build();
            return doSend(record, null);
        }
        MessageBuilder<T> builder = MessageBuilder.withPayload(payload)
                .setHeader(LucidHeaders.TOPIC, topic);
        if (key != null) {
            builder.setHeader(LucidHeaders.KEY, key);
        }
        return send(builder.build());
    }

    /**
     * Sends {@code message}; its {@link LucidHeaders} routing headers set the topic (or the
     * default topic), key, partition and timestamp.
     */
    public <T> CompletableFuture<SendResult<T>> send(Message<T> message) {
        Objects.requireNonNull(message, "message");
        ProducerRecord record = converter.toProducerRecord(message, defaultTopic);
        return doSend(record, message);
    }

    /** Sends {@code record} as it is, without conversion. */
    public CompletableFuture<SendResult<Void>> send(ProducerRecord record) {
        Objects.requireNonNull(record, "record");
        return doSend(record, null);
    }

    /** Sends {@code payload} without a key to the default topic. */
    public <T> CompletableFuture<SendResult<T>> sendDefault(@Nullable T payload) {
        return send(requireDefaultTopic(), null, payload);
    }

    /** Sends {@code payload} with {@code key} to the default topic. */
    public <T> CompletableFuture<SendResult<T>> sendDefault(@Nullable Object key,
            @Nullable T payload) {
        return send(requireDefaultTopic(), key, payload);
    }

    /** Forces every record written through this template's producer to disk. */
    public void flush() {
        producer.flush();
    }

    /** Closes the producer; later sends throw {@link IllegalStateException}. */
    @Override
    public void close() {
        producer.close();
    }

    private <T> CompletableFuture<SendResult<T>> doSend(ProducerRecord record,
            @Nullable Message<T> message) {
        long start = System.nanoTime();
        CompletableFuture<RecordMetadata> sent;
        try {
            sent = producer.sendAsync(record);
        } catch (RuntimeException ex) {
            sent = CompletableFuture.failedFuture(ex);
        }
        return sent.handle((metadata, failure) -> {
            Throwable cause = unwrap(failure);
            metrics.recordSend(record.topic(), System.nanoTime() - start, cause);
            if (cause != null) {
                throw new CompletionException(cause);
            }
            return new SendResult<>(metadata, record, message);
        });
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }

    private String requireDefaultTopic() {
        String topic = defaultTopic;
        if (topic == null) {
            throw new IllegalStateException(
                    "no default topic; set lucidmq.template.default-topic or setDefaultTopic");
        }
        return topic;
    }
}
