package io.lucidmq.spring.autoconfigure;

import io.lucidmq.spring.listener.ConcurrentLucidListenerContainerFactory;

/**
 * Adjusts the auto-configured listener container factory after the
 * {@code lucidmq.listener.*} properties are applied. Beans of this type run in
 * {@code @Order} order.
 */
@FunctionalInterface
public interface LucidContainerFactoryCustomizer {

    /** Customizes the factory. */
    void customize(ConcurrentLucidListenerContainerFactory factory);
}
