package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidConfig;

/**
 * Adjusts the auto-configured {@link LucidConfig} after the {@code lucidmq.*} properties are
 * applied, for example to set a clock or a file layer. Beans of this type run in
 * {@code @Order} order.
 */
@FunctionalInterface
public interface LucidConfigCustomizer {

    /** Customizes the builder before the configuration is built. */
    void customize(LucidConfig.Builder builder);
}
