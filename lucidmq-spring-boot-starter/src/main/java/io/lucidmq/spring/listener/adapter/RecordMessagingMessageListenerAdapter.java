package io.lucidmq.spring.listener.adapter;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.RecordMessageConverter;
import io.lucidmq.spring.listener.Acknowledgment;
import io.lucidmq.spring.listener.RecordListener;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Invokes a listener method for each record: converts the record to a Spring message (see
 * {@link RecordMessageConverter}) and lets the method's argument resolvers bind the payload,
 * headers, message, raw record and acknowledgment. Thread-safe when the bean is.
 */
public class RecordMessagingMessageListenerAdapter implements RecordListener {

    private final InvocableHandlerMethod handlerMethod;
    private final RecordMessageConverter converter;
    private final String groupId;

    /** Creates an adapter that invokes {@code handlerMethod} for records of {@code groupId}. */
    public RecordMessagingMessageListenerAdapter(InvocableHandlerMethod handlerMethod,
            RecordMessageConverter converter, String groupId) {
        this.handlerMethod = handlerMethod;
        this.converter = converter;
        this.groupId = groupId;
    }

    @Override
    public void onRecord(ConsumerRecord record, @Nullable Acknowledgment acknowledgment)
            throws Exception {
        Map<String, Object> extra = new HashMap<>();
        extra.put(LucidHeaders.GROUP_ID, groupId);
        if (acknowledgment != null) {
            extra.put(LucidHeaders.ACKNOWLEDGMENT, acknowledgment);
        }
        Message<byte[]> message = converter.toMessage(record, extra);
        handlerMethod.invoke(message);
    }

    @Override
    public String toString() {
        return "RecordMessagingMessageListenerAdapter[" + handlerMethod.getShortLogMessage()
                + "]";
    }
}
