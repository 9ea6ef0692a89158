package io.lucidmq.spring.autoconfigure;

import io.lucidmq.spring.core.LucidTemplate;

/**
 * Adjusts the auto-configured {@link LucidTemplate} before it is used. Beans of this type run
 * in {@code @Order} order.
 */
@FunctionalInterface
public interface LucidTemplateCustomizer {

    /** Customizes the template. */
    void customize(LucidTemplate template);
}
