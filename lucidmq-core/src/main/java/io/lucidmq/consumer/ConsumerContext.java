package io.lucidmq.consumer;

import io.lucidmq.engine.ChangeSignal;
import io.lucidmq.engine.EngineLifecycle;
import io.lucidmq.topic.TopicRegistry;

/**
 * The parts of an instance that a consumer uses. Immutable; the components are thread-safe.
 *
 * @param topics the open topics
 * @param offsets the committed offsets
 * @param committer the commit queue, or {@code null} for a read-only instance
 * @param groups the consumer groups of this instance
 * @param signal the instance's change signal
 * @param lifecycle the instance's open or closed state
 * @param onClose called once when a consumer closes
 */
public record ConsumerContext(TopicRegistry topics, OffsetStore offsets,
        OffsetCommitter committer, GroupCoordinator groups, ChangeSignal signal,
        EngineLifecycle lifecycle, java.util.function.Consumer<LucidConsumer> onClose) {
}
