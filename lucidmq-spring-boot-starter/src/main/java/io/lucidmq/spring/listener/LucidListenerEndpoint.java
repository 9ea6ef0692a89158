package io.lucidmq.spring.listener;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The description of one listener, from which a {@link LucidListenerContainerFactory}
 * builds a container. A {@code null} setting takes the factory's default.
 */
public interface LucidListenerEndpoint {

    /** The listener id, unique in the application. */
    String getId();

    /** The consumer group, or {@code null} for the id. */
    @Nullable String getGroupId();

    /** The topics to read, at least one. */
    List<String> getTopics();

    /** The number of consumer threads, or {@code null} for the factory's. */
    @Nullable Integer getConcurrency();

    /** Whether the container starts with the application, or {@code null}. */
    @Nullable Boolean getAutoStartup();

    /** Whether the listener takes a poll's records together, or {@code null}. */
    @Nullable Boolean getBatch();

    /** When offsets are committed, or {@code null} for the factory's. */
    @Nullable AckMode getAckMode();

    /** The error handler, or {@code null} for the factory's. */
    @Nullable LucidErrorHandler getErrorHandler();

    /**
     * Creates the listener for a container with {@code properties}.
     *
     * @param batch whether the container delivers batches
     * @return a {@link RecordListener}, or a {@link BatchListener} when {@code batch}
     * @throws IllegalStateException if the listener cannot work with these settings, for
     *     example a method that takes an acknowledgment outside manual ack mode
     */
    Object createListener(ContainerProperties properties, boolean batch);
}
