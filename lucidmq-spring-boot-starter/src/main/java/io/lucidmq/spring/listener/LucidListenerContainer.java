package io.lucidmq.spring.listener;

import io.lucidmq.TopicPartition;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.SmartLifecycle;

/**
 * A running listener: consumer threads of one consumer group that poll their partitions and
 * deliver the records to a listener. Started and stopped as a {@link SmartLifecycle}, in a
 * late phase so that the beans it calls are ready first and still there while it stops.
 * Thread-safe.
 */
public interface LucidListenerContainer extends SmartLifecycle {

    /** The listener id; consumer threads are named after it. */
    String getListenerId();

    /** The consuming settings. */
    ContainerProperties getContainerProperties();

    /** Requests a pause: each consumer thread finishes its poll's records and waits. */
    void pause();

    /** Lifts a pause. */
    void resume();

    /** Whether a pause is requested. */
    boolean isPauseRequested();

    /** Whether every live consumer thread is waiting in a pause. */
    boolean isPaused();

    /** The state as reported by health and the registry. */
    ContainerState getState();

    /** The exception that killed a consumer thread in the current run, if any. */
    Optional<Throwable> getFailure();

    /** The partitions each consumer thread owns, by thread name. */
    Map<String, Set<TopicPartition>> getAssignments();
}
