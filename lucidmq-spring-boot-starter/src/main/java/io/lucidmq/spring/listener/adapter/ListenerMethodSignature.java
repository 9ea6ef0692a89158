package io.lucidmq.spring.listener.adapter;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.listener.AckMode;
import io.lucidmq.spring.listener.Acknowledgment;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * The parameters a listener method takes, checked once at startup so that a method that
 * cannot be bound fails then, naming the bean, the method and the parameter, and not on the
 * first record. Immutable.
 *
 * @param payload the payload parameter, or {@code null} when the method takes none
 * @param batchElements the element kind of a batch listener's list, or {@code null} for
 *     record listeners
 * @param elementParameter the payload parameter nested down to the payload type of each
 *     element of a batch ({@code T} in {@code List<T>} or {@code List<Message<T>>}), or
 *     {@code null} for record listeners
 */
public record ListenerMethodSignature(@Nullable MethodParameter payload,
        @Nullable BatchElements batchElements, @Nullable MethodParameter elementParameter) {

    /** The element kind of a batch listener's list parameter. */
    public enum BatchElements {
        /** {@code List<ConsumerRecord>}. */
        RECORDS,
        /** {@code List<Message<T>>}. */
        MESSAGES,
        /** {@code List<T>}. */
        PAYLOADS
    }

    /**
     * Inspects {@code method} of bean {@code beanName}.
     *
     * @throws IllegalStateException naming the bean, method and parameter when a parameter
     *     cannot be bound with these settings
     */
    public static ListenerMethodSignature inspect(String beanName, Method method, boolean batch,
            AckMode ackMode) {
        MethodParameter payload = null;
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            Kind kind = kindOf(parameter);
            String problem = problemOf(kind, parameter, batch, ackMode);
            if (problem == null && kind == Kind.PAYLOAD && payload != null) {
                problem = "is a second payload parameter; annotate headers with @Header";
            }
            if (problem != null) {
                throw new IllegalStateException("cannot bind @LucidListener method "
                        + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                        + " of bean '" + beanName + "': parameter " + i + " '"
                        + method.getParameters()[i].getName() + "' ("
                        + parameter.getParameterType().getSimpleName() + ") " + problem);
            }
            if (kind == Kind.PAYLOAD) {
                payload = parameter;
            }
        }
        if (!batch) {
            return new ListenerMethodSignature(payload, null, null);
        }
        if (payload == null) {
            throw new IllegalStateException("cannot bind batch @LucidListener method "
                    + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " of bean '" + beanName + "': it needs a List parameter for the records");
        }
        return batchSignature(payload);
    }

    private enum Kind { HEADER, ACKNOWLEDGMENT, RECORD, MESSAGE, PAYLOAD }

    private static Kind kindOf(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (parameter.hasParameterAnnotation(Header.class)
                || parameter.hasParameterAnnotation(Headers.class)
                || type == MessageHeaders.class
                || MessageHeaderAccessor.class.isAssignableFrom(type)) {
            return Kind.HEADER;
        }
        if (type == Acknowledgment.class) {
            return Kind.ACKNOWLEDGMENT;
        }
        if (type == ConsumerRecord.class) {
            return Kind.RECORD;
        }
        if (Message.class.isAssignableFrom(type)
                && !parameter.hasParameterAnnotation(Payload.class)) {
            return Kind.MESSAGE;
        }
        return Kind.PAYLOAD;
    }

    private static @Nullable String problemOf(Kind kind, MethodParameter parameter,
            boolean batch, AckMode ackMode) {
        if (parameter.hasParameterAnnotation(Headers.class)
                && !Map.class.isAssignableFrom(parameter.getParameterType())) {
            return "is annotated @Headers but is not a Map";
        }
        if (kind == Kind.ACKNOWLEDGMENT && ackMode != AckMode.MANUAL) {
            return "needs ackMode MANUAL, but the ack mode is " + ackMode;
        }
        if (kind == Kind.RECORD && batch) {
            return "is a single record in a batch listener; take List<ConsumerRecord>";
        }
        if (kind == Kind.MESSAGE && batch) {
            return "is a single message in a batch listener; take List<Message<T>>";
        }
        if (kind == Kind.PAYLOAD && batch && parameter.getParameterType() != List.class) {
            return "must be a List in a batch listener";
        }
        return null;
    }

    private static ListenerMethodSignature batchSignature(MethodParameter payload) {
        MethodParameter element = payload.nested();
        Class<?> elementClass = ResolvableType.forMethodParameter(payload).getGeneric(0)
                .resolve(Object.class);
        if (elementClass == ConsumerRecord.class) {
            return new ListenerMethodSignature(payload, BatchElements.RECORDS, element);
        }
        if (Message.class.isAssignableFrom(elementClass)) {
            return new ListenerMethodSignature(payload, BatchElements.MESSAGES,
                    element.nested());
        }
        return new ListenerMethodSignature(payload, BatchElements.PAYLOADS, element);
    }
}
