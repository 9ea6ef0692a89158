package io.lucidmq.spring.listener;

/**
 * Creates listener containers from endpoints, filling in defaults for the settings an
 * endpoint leaves open. The {@code containerFactory} attribute of {@code @LucidListener}
 * names a bean of this type.
 */
@FunctionalInterface
public interface LucidListenerContainerFactory {

    /**
     * Creates a stopped container for {@code endpoint}.
     *
     * @throws IllegalArgumentException if a setting is out of range
     */
    LucidListenerContainer createListenerContainer(LucidListenerEndpoint endpoint);
}
