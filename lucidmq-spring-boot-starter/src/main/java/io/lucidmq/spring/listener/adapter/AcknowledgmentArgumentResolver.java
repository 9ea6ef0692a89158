package io.lucidmq.spring.listener.adapter;

import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.listener.Acknowledgment;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/** Resolves an {@link Acknowledgment} parameter from the message headers. Thread-safe. */
final class AcknowledgmentArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Acknowledgment.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        Object acknowledgment = message.getHeaders().get(LucidHeaders.ACKNOWLEDGMENT);
        if (acknowledgment == null) {
            throw new MethodArgumentResolutionException(message, parameter,
                    "no Acknowledgment outside ack mode MANUAL");
        }
        return acknowledgment;
    }
}
