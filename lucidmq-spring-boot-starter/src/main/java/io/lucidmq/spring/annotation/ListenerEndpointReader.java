package io.lucidmq.spring.annotation;

import io.lucidmq.spring.core.RecordMessageConverter;
import io.lucidmq.spring.listener.AckMode;
import io.lucidmq.spring.listener.ConcurrentLucidListenerContainerFactory;
import io.lucidmq.spring.listener.LucidErrorHandler;
import io.lucidmq.spring.listener.LucidListenerContainerFactory;
import io.lucidmq.spring.listener.adapter.MethodLucidListenerEndpoint;
import io.lucidmq.topic.Names;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.StringUtils;

/**
 * Reads one {@link LucidListener} annotation into an endpoint: one {@code resolveX} method
 * per attribute, each resolving placeholders and SpEL and checking the value. Used while the
 * context starts, by one thread.
 */
final class ListenerEndpointReader {

    private final ConfigurableListableBeanFactory beanFactory;
    private final BeanExpressionContext expressionContext;
    private final MessageHandlerMethodFactory methodFactory;
    private final RecordMessageConverter converter;

    ListenerEndpointReader(ConfigurableListableBeanFactory beanFactory,
            MessageHandlerMethodFactory methodFactory, RecordMessageConverter converter) {
        this.beanFactory = beanFactory;
        this.expressionContext = new BeanExpressionContext(beanFactory, null);
        this.methodFactory = methodFactory;
        this.converter = converter;
    }

    /** One annotated method waiting to be read. */
    record AnnotatedListener(Object bean, String beanName, Method method,
            LucidListener annotation, int index) {

        String describe() {
            return "@LucidListener on " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " of bean '" + beanName + "'";
        }
    }

    MethodLucidListenerEndpoint read(AnnotatedListener listener) {
        LucidListener annotation = listener.annotation();
        MethodLucidListenerEndpoint endpoint = new MethodLucidListenerEndpoint(
                resolveId(listener), resolveTopics(annotation), listener.bean(),
                listener.beanName(), listener.method(), methodFactory, converter);
        endpoint.setGroupId(resolveGroupId(annotation));
        endpoint.setConcurrency(resolveConcurrency(annotation));
        endpoint.setAutoStartup(resolveAutoStartup(annotation));
        endpoint.setBatch(resolveBatch(annotation));
        endpoint.setAckMode(resolveAckMode(annotation));
        endpoint.setErrorHandler(resolveErrorHandler(annotation));
        return endpoint;
    }

    LucidListenerContainerFactory resolveContainerFactory(LucidListener annotation) {
        String name = resolveString(annotation.containerFactory());
        if (name != null) {
            return beanFactory.getBean(name, LucidListenerContainerFactory.class);
        }
        if (beanFactory.containsBean(ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME)) {
            return beanFactory.getBean(ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME,
                    LucidListenerContainerFactory.class);
        }
        return beanFactory.getBean(LucidListenerContainerFactory.class);
    }

    private String resolveId(AnnotatedListener listener) {
        String id = resolveString(listener.annotation().id());
        if (id == null) {
            id = defaultId(listener);
        }
        return Names.requireValidGroupId(id);
    }

    private List<String> resolveTopics(LucidListener annotation) {
        List<String> topics = new ArrayList<>();
        for (String topic : annotation.topics()) {
            addStrings(resolveExpression(topic), topics);
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("topics is empty; name at least one topic");
        }
        topics.forEach(Names::requireValidTopic);
        return topics;
    }

    private @Nullable String resolveGroupId(LucidListener annotation) {
        String groupId = resolveString(annotation.groupId());
        return groupId == null ? null : Names.requireValidGroupId(groupId);
    }

    private @Nullable Integer resolveConcurrency(LucidListener annotation) {
        String value = resolveString(annotation.concurrency());
        if (value == null) {
            return null;
        }
        String problem = "concurrency '" + value + "' is invalid; use a whole number from 1 to "
                + Integer.MAX_VALUE;
        int concurrency;
        try {
            concurrency = Integer.parseInt(value.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(problem, ex);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException(problem);
        }
        return concurrency;
    }

    private @Nullable Boolean resolveAutoStartup(LucidListener annotation) {
        return resolveBoolean("autoStartup", annotation.autoStartup());
    }

    private @Nullable Boolean resolveBatch(LucidListener annotation) {
        return resolveBoolean("batch", annotation.batch());
    }

    private @Nullable AckMode resolveAckMode(LucidListener annotation) {
        String value = resolveString(annotation.ackMode());
        if (value == null) {
            return null;
        }
        try {
            return AckMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("ackMode '" + value + "' is invalid; use one of "
                    + Arrays.toString(AckMode.values()), ex);
        }
    }

    private @Nullable LucidErrorHandler resolveErrorHandler(LucidListener annotation) {
        String name = resolveString(annotation.errorHandler());
        return name == null ? null : beanFactory.getBean(name, LucidErrorHandler.class);
    }

    private @Nullable Boolean resolveBoolean(String attribute, String raw) {
        String value = resolveString(raw);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return Boolean.valueOf(trimmed);
        }
        throw new IllegalArgumentException(
                attribute + " '" + value + "' is invalid; use true or false");
    }

    private @Nullable String resolveString(String raw) {
        Object value = resolveExpression(raw);
        String text = value == null ? null : value.toString();
        return StringUtils.hasText(text) ? text : null;
    }

    private @Nullable Object resolveExpression(String raw) {
        String resolved = beanFactory.resolveEmbeddedValue(raw);
        BeanExpressionResolver resolver = beanFactory.getBeanExpressionResolver();
        if (resolver == null || resolved == null) {
            return resolved;
        }
        return resolver.evaluate(resolved, expressionContext);
    }

    private static void addStrings(@Nullable Object value, List<String> into) {
        if (value instanceof String[] array) {
            Arrays.stream(array).forEach(item -> addStrings(item, into));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> addStrings(item, into));
        } else if (value != null && StringUtils.hasText(value.toString())) {
            into.add(value.toString().trim());
        }
    }

    private static String defaultId(AnnotatedListener listener) {
        String base = listener.beanName() + "." + listener.method().getName()
                + (listener.index() == 0 ? "" : "-" + listener.index());
        StringBuilder id = new StringBuilder(base.length());
        for (char c : base.toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            id.append(allowed ? c : '_');
        }
        return id.length() > Names.MAX_LENGTH ? id.substring(id.length() - Names.MAX_LENGTH)
                : id.toString();
    }
}
