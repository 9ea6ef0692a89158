package io.lucidmq.spring.listener.adapter;

import io.lucidmq.spring.core.RecordMessageConverter;
import io.lucidmq.spring.listener.AckMode;
import io.lucidmq.spring.listener.ContainerProperties;
import io.lucidmq.spring.listener.LucidErrorHandler;
import io.lucidmq.spring.listener.LucidListenerEndpoint;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * An endpoint that delivers records to a method of a bean, as {@code @LucidListener}
 * declares. Build one with the constructor and the setters before it is registered; not
 * thread-safe until then.
 */
public class MethodLucidListenerEndpoint implements LucidListenerEndpoint {

    private final String id;
    private final List<String> topics;
    private final Object bean;
    private final String beanName;
    private final Method method;
    private final MessageHandlerMethodFactory methodFactory;
    private final RecordMessageConverter converter;
    private @Nullable String groupId;
    private @Nullable Integer concurrency;
    private @Nullable Boolean autoStartup;
    private @Nullable Boolean batch;
    private @Nullable AckMode ackMode;
    private @Nullable LucidErrorHandler errorHandler;

    /**
     * Creates an endpoint.
     *
     * @param method the annotated method, as declared by the bean's class (for a proxy, by
     *     the target class)
     */
    public MethodLucidListenerEndpoint(String id, List<String> topics, Object bean,
            String beanName, Method method, MessageHandlerMethodFactory methodFactory,
            RecordMessageConverter converter) {
        this.id = Objects.requireNonNull(id, "id");
        this.topics = List.copyOf(topics);
        this.bean = bean;
        this.beanName = beanName;
        this.method = method;
        this.methodFactory = methodFactory;
        this.converter = converter;
    }

    /** Sets the consumer group; {@code null} for the id. */
    public void setGroupId(@Nullable String groupId) {
        this.groupId = groupId;
    }

    /** Sets the number of consumer threads; {@code null} for the factory's. */
    public void setConcurrency(@Nullable Integer concurrency) {
        this.concurrency = concurrency;
    }

    /** Sets whether the container starts with the application; {@code null} for the factory's. */
    public void setAutoStartup(@Nullable Boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** Sets whether the method receives batches; {@code null} for the factory's. */
    public void setBatch(@Nullable Boolean batch) {
        this.batch = batch;
    }

    /** Sets the ack mode; {@code null} for the factory's. */
    public void setAckMode(@Nullable AckMode ackMode) {
        this.ackMode = ackMode;
    }

    /** Sets the error handler; {@code null} for the factory's. */
    public void setErrorHandler(@Nullable LucidErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    /** The bean whose method is invoked. */
    public Object getBean() {
        return bean;
    }

    /** The method invoked for each record or batch. */
    public Method getMethod() {
        return method;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public @Nullable String getGroupId() {
        return groupId;
    }

    @Override
    public List<String> getTopics() {
        return topics;
    }

    @Override
    public @Nullable Integer getConcurrency() {
        return concurrency;
    }

    @Override
    public @Nullable Boolean getAutoStartup() {
        return autoStartup;
    }

    @Override
    public @Nullable Boolean getBatch() {
        return batch;
    }

    @Override
    public @Nullable AckMode getAckMode() {
        return ackMode;
    }

    @Override
    public @Nullable LucidErrorHandler getErrorHandler() {
        return errorHandler;
    }

    @Override
    public Object createListener(ContainerProperties properties, boolean batchListener) {
        ListenerMethodSignature signature = ListenerMethodSignature.inspect(beanName, method,
                batchListener, properties.ackMode());
        InvocableHandlerMethod handlerMethod = methodFactory.createInvocableHandlerMethod(bean,
                AopUtils.selectInvocableMethod(method, bean.getClass()));
        if (batchListener) {
            return new BatchMessagingMessageListenerAdapter(handlerMethod, signature, converter,
                    properties.groupId());
        }
        return new RecordMessagingMessageListenerAdapter(handlerMethod, converter,
                properties.groupId());
    }

    @Override
    public String toString() {
        return "MethodLucidListenerEndpoint[" + id + ", " + beanName + "." + method.getName()
                + ", topics=" + topics + "]";
    }
}
