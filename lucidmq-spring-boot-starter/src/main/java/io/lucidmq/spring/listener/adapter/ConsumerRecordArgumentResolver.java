package io.lucidmq.spring.listener.adapter;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.core.LucidHeaders;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/** Resolves a raw {@link ConsumerRecord} parameter from the message headers. Thread-safe. */
final class ConsumerRecordArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ConsumerRecord.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        Object record = message.getHeaders().get(LucidHeaders.RAW_RECORD);
        if (record == null) {
            throw new MethodArgumentResolutionException(message, parameter,
                    "no ConsumerRecord in a batch; take a List<ConsumerRecord> instead");
        }
        return record;
    }
}
