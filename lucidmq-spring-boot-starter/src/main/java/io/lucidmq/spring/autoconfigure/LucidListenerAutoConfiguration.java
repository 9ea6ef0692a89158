package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidMQ;
import io.lucidmq.spring.annotation.EnableLucid;
import io.lucidmq.spring.annotation.LucidListenerAnnotationBeanPostProcessor;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.listener.ConcurrentLucidListenerContainerFactory;
import io.lucidmq.spring.listener.ConsumerRecordRecoverer;
import io.lucidmq.spring.listener.DeadLetterPublishingRecoverer;
import io.lucidmq.spring.listener.DefaultErrorHandler;
import io.lucidmq.spring.listener.LoggingRecoverer;
import io.lucidmq.spring.listener.LucidErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures {@code @LucidListener} support: the default error handler, the listener
 * container factory named {@value ConcurrentLucidListenerContainerFactory#DEFAULT_BEAN_NAME}
 * and, unless the application uses {@link EnableLucid} itself, the annotation post-processor
 * and the endpoint registry.
 *
 * <p>The error handler retries per {@code lucidmq.listener.retry.*}, then hands the record to
 * a user {@link ConsumerRecordRecoverer} bean, to a {@link DeadLetterPublishingRecoverer} when
 * {@code lucidmq.listener.dead-letter.enabled=true}, or else to a {@link LoggingRecoverer}.
 */
@AutoConfiguration(after = LucidAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "lucidmq.enabled", matchIfMissing = true)
@ConditionalOnBean(LucidMQ.class)
public final class LucidListenerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LucidErrorHandler lucidErrorHandler(LucidProperties properties,
            ObjectProvider<ConsumerRecordRecoverer> recoverer,
            ObjectProvider<LucidTemplate> template) {
        LucidProperties.Listener listener = properties.getListener();
        return new DefaultErrorHandler(recoverer.getIfAvailable(
                () -> defaultRecoverer(listener.getDeadLetter(), template)),
                ListenerPropertiesMapper.backOff(listener.getRetry()));
    }

    @Bean(name = ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME)
    @ConditionalOnMissingBean(name = ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME)
    ConcurrentLucidListenerContainerFactory lucidListenerContainerFactory(LucidMQ lucidMQ,
            LucidProperties properties, LucidErrorHandler errorHandler,
            ObjectProvider<LucidContainerFactoryCustomizer> customizers) {
        ConcurrentLucidListenerContainerFactory factory =
                new ConcurrentLucidListenerContainerFactory(lucidMQ);
        ListenerPropertiesMapper.applyTo(properties.getListener(), factory);
        factory.setErrorHandler(errorHandler);
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    private static ConsumerRecordRecoverer defaultRecoverer(
            LucidProperties.DeadLetter deadLetter, ObjectProvider<LucidTemplate> template) {
        String suffix = ListenerPropertiesMapper.deadLetterSuffix(deadLetter);
        if (!deadLetter.isEnabled()) {
            return new LoggingRecoverer();
        }
        return new DeadLetterPublishingRecoverer(template.getObject(), suffix);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableLucid
    @ConditionalOnMissingBean(name = LucidListenerAnnotationBeanPostProcessor.BEAN_NAME)
    static class EnableLucidConfiguration {
    }
}
