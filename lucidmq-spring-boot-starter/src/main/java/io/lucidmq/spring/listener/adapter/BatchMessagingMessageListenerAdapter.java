package io.lucidmq.spring.listener.adapter;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.RecordMessageConverter;
import io.lucidmq.spring.listener.Acknowledgment;
import io.lucidmq.spring.listener.BatchConversionException;
import io.lucidmq.spring.listener.BatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Invokes a batch listener method with the records of one poll as a list of raw records,
 * messages or converted payloads. Each record is converted on its own; records that fail are
 * reported together in a {@link BatchConversionException} before the method runs.
 *
 * <p>The batch message's received headers hold lists with one entry per element, in order:
 * {@link LucidHeaders#RECEIVED_KEY} ({@code byte[]} or {@code null}),
 * {@link LucidHeaders#RECEIVED_TOPIC}, {@link LucidHeaders#RECEIVED_PARTITION},
 * {@link LucidHeaders#OFFSET} and {@link LucidHeaders#RECEIVED_TIMESTAMP}. Thread-safe when
 * the bean is.
 */
public class BatchMessagingMessageListenerAdapter implements BatchListener {

    private final InvocableHandlerMethod handlerMethod;
    private final ListenerMethodSignature signature;
    private final RecordMessageConverter converter;
    private final String groupId;

    /** Creates an adapter for a method whose {@code signature} is a batch signature. */
    public BatchMessagingMessageListenerAdapter(InvocableHandlerMethod handlerMethod,
            ListenerMethodSignature signature, RecordMessageConverter converter,
            String groupId) {
        this.handlerMethod = handlerMethod;
        this.signature = signature;
        this.converter = converter;
        this.groupId = groupId;
        Objects.requireNonNull(signature.batchElements(), "not a batch signature");
    }

    @Override
    public void onBatch(List<ConsumerRecord> records, @Nullable Acknowledgment acknowledgment)
            throws Exception {
        List<Object> elements = new ArrayList<>(records.size());
        List<BatchConversionException.Failure> failures = new ArrayList<>();
        for (ConsumerRecord record : records) {
            try {
                elements.add(elementOf(record));
            } catch (RuntimeException ex) {
                failures.add(new BatchConversionException.Failure(record, ex));
            }
        }
        if (!failures.isEmpty()) {
            throw new BatchConversionException(failures);
        }
        handlerMethod.invoke(batchMessage(records, elements, acknowledgment));
    }

    private Object elementOf(ConsumerRecord record) {
        if (signature.batchElements() == ListenerMethodSignature.BatchElements.RECORDS) {
            return record;
        }
        Message<byte[]> message = converter.toMessage(record,
                Map.of(LucidHeaders.GROUP_ID, groupId));
        Object payload = convert(message, record);
        if (signature.batchElements() == ListenerMethodSignature.BatchElements.MESSAGES) {
            return MessageBuilder.createMessage(payload, message.getHeaders());
        }
        return payload;
    }

    private Object convert(Message<byte[]> message, ConsumerRecord record) {
        MethodParameter element = Objects.requireNonNull(signature.elementParameter());
        Class<?> target = element.getNestedParameterType();
        if (target.isInstance(message.getPayload())) {
            return message.getPayload();
        }
        Object payload = converter.payloadConverter().fromMessage(message, target, element);
        if (payload == null) {
            throw new MessageConversionException(message, "cannot convert record "
                    + record.topicPartition() + "@" + record.offset() + " to "
                    + target.getName());
        }
        return payload;
    }

    private Message<List<Object>> batchMessage(List<ConsumerRecord> records,
            List<Object> elements, @Nullable Acknowledgment acknowledgment) {
        List<byte @Nullable []> keys = new ArrayList<>(records.size());
        records.forEach(record -> keys.add(record.key()));
        MessageBuilder<List<Object>> builder = MessageBuilder.withPayload(elements)
                .setHeader(LucidHeaders.RECEIVED_KEY, keys)
                .setHeader(LucidHeaders.RECEIVED_TOPIC,
                        records.stream().map(ConsumerRecord::topic).toList())
                .setHeader(LucidHeaders.RECEIVED_PARTITION,
                        records.stream().map(ConsumerRecord::partition).toList())
                .setHeader(LucidHeaders.OFFSET,
                        records.stream().map(ConsumerRecord::offset).toList())
                .setHeader(LucidHeaders.RECEIVED_TIMESTAMP,
                        records.stream().map(ConsumerRecord::timestamp).toList())
                .setHeader(LucidHeaders.GROUP_ID, groupId);
        if (acknowledgment != null) {
            builder.setHeader(LucidHeaders.ACKNOWLEDGMENT, acknowledgment);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "BatchMessagingMessageListenerAdapter[" + handlerMethod.getShortLogMessage()
                + "]";
    }
}
