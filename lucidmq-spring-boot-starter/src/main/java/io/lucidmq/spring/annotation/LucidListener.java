package io.lucidmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.messaging.handler.annotation.MessageMapping;

/**
 * Marks a bean method as a listener of LucidMQ topics. Each annotation gets its own listener
 * container from the {@link #containerFactory()}, registered in the
 * {@code LucidListenerEndpointRegistry} under its {@link #id()}.
 *
 * <p>The method's parameters are bound by spring-messaging: the payload (the parameter
 * annotated {@code @Payload}, or the one unannotated parameter) converted from the record
 * value, {@code byte[]} and {@code String} as they are and JSON to the parameter's type;
 * {@code @Header} parameters for the key, topic, partition, offset and timestamp (names in
 * {@code LucidHeaders}) and for record headers; {@code @Headers Map<String, Object>};
 * {@code Message<T>}; the raw {@code io.lucidmq.record.ConsumerRecord}; and an
 * {@code Acknowledgment} in ack mode {@code MANUAL}. A batch listener takes {@code List<T>},
 * {@code List<Message<T>>} or {@code List<ConsumerRecord>}. A method that cannot be bound
 * fails the application's startup, naming the bean, the method and the parameter.
 *
 * <p>String attributes accept {@code ${...}} property placeholders and {@code #{...}} SpEL
 * expressions. An empty attribute takes the container factory's default, which
 * {@code lucidmq.listener.*} properties set.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MessageMapping
@Repeatable(LucidListeners.class)
public @interface LucidListener {

    /**
     * The listener id, unique in the application; also the default group id and the prefix
     * of the consumer thread names. Default: {@code <beanName>.<methodName>}, with characters
     * not allowed in group ids replaced by {@code _}. Set it explicitly to keep the group's
     * committed offsets when the bean or method is renamed.
     */
    String id() default "";

    /** The topics to read, at least one; an expression may return a String or a String[]. */
    String[] topics() default {};

    /** The consumer group; default the {@link #id()}. */
    String groupId() default "";

    /** The number of consumer threads in the group, at least 1. */
    String concurrency() default "";

    /** Whether the container starts with the application: {@code true} or {@code false}. */
    String autoStartup() default "";

    /** Whether the method receives the records of a poll as a list: {@code true}/{@code false}. */
    String batch() default "";

    /** When offsets are committed: {@code RECORD}, {@code BATCH} or {@code MANUAL}. */
    String ackMode() default "";

    /** The bean name of a {@code LucidErrorHandler} for this listener. */
    String errorHandler() default "";

    /** The bean name of the {@code LucidListenerContainerFactory}. */
    String containerFactory() default "";
}
