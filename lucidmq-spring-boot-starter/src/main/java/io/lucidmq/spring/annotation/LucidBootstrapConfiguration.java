package io.lucidmq.spring.annotation;

import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Declares the {@link LucidListenerAnnotationBeanPostProcessor} and the
 * {@link LucidListenerEndpointRegistry}; imported by {@link EnableLucid}.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class LucidBootstrapConfiguration {

    /** Declares the post-processor; static, so it is created before other beans. */
    @Bean(name = LucidListenerAnnotationBeanPostProcessor.BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static LucidListenerAnnotationBeanPostProcessor lucidListenerAnnotationBeanPostProcessor() {
        return new LucidListenerAnnotationBeanPostProcessor();
    }

    /** Declares the registry of listener containers. */
    @Bean(name = LucidListenerEndpointRegistry.BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    LucidListenerEndpointRegistry lucidListenerEndpointRegistry() {
        return new LucidListenerEndpointRegistry();
    }
}
