package io.lucidmq.spring.listener;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener container with {@link ContainerProperties#concurrency()} consumers of one group,
 * each on its own thread named {@code <listenerId>-<n>}. The group splits the topics'
 * partitions between them.
 *
 * <p><b>Stop.</b> {@link #stop(Runnable)} wakes every consumer from its poll and from any
 * back-off wait; each thread finishes the record in hand, commits what was processed and
 * leaves the group, and the callback runs once the last thread has exited. The callback is
 * always called, also when the container was not running or its threads had died. Records
 * not yet processed are delivered again on the next start. The container can be started
 * again after a stop.
 *
 * <p><b>Failure.</b> A consumer thread that dies from an unexpected exception is logged and
 * makes the container {@link ContainerState#FAILED}; the other threads go on.
 *
 * <p>Thread-safe.
 */
public class ConcurrentLucidListenerContainer implements LucidListenerContainer {

    /** The default phase: late, so containers start last and stop first. */
    public static final int DEFAULT_PHASE = Integer.MAX_VALUE - 100;

    private static final Logger logger =
            LoggerFactory.getLogger(ConcurrentLucidListenerContainer.class);

    private final ListenerConsumer.Setup setup;
    private final Object lifecycleMonitor = new Object();
    private volatile boolean autoStartup = true;
    private volatile int phase = DEFAULT_PHASE;
    private volatile Duration shutdownTimeout = Duration.ofSeconds(30);
    private volatile boolean running;
    private volatile @Nullable ContainerRunState runState;
    private volatile List<ListenerConsumer> consumers = List.of();

    /**
     * Creates a stopped container.
     *
     * @param listener a {@link RecordListener} or a {@link BatchListener}
     */
    public ConcurrentLucidListenerContainer(LucidMQ lucidMQ, String listenerId,
            ContainerProperties properties, Object listener, LucidErrorHandler errorHandler,
            ListenerMetrics metrics) {
        if (!(listener instanceof RecordListener) && !(listener instanceof BatchListener)) {
            throw new IllegalArgumentException("listener of '" + listenerId + "' must be a "
                    + "RecordListener or a BatchListener, but was " + listener.getClass());
        }
        this.setup = new ListenerConsumer.Setup(Objects.requireNonNull(lucidMQ, "lucidMQ"),
                Objects.requireNonNull(listenerId, "listenerId"),
                Objects.requireNonNull(properties, "properties"), listener,
                Objects.requireNonNull(errorHandler, "errorHandler"),
                Objects.requireNonNull(metrics, "metrics"));
    }

    /** Sets whether the registry or the context starts this container; default true. */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** Sets the lifecycle phase; default {@link #DEFAULT_PHASE}. */
    public void setPhase(int phase) {
        this.phase = phase;
    }

    /** Sets how long {@link #stop()} waits for the consumer threads; default 30 seconds. */
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    @Override
    public String getListenerId() {
        return setup.listenerId();
    }

    @Override
    public ContainerProperties getContainerProperties() {
        return setup.properties();
    }

    /** Returns the error handler of this container. */
    public LucidErrorHandler getErrorHandler() {
        return setup.errorHandler();
    }

    /** Returns the listener that records are delivered to. */
    public Object getListener() {
        return setup.listener();
    }

    @Override
    public void start() {
        synchronized (lifecycleMonitor) {
            if (running) {
                return;
            }
            int concurrency = setup.properties().concurrency();
            ContainerRunState state = new ContainerRunState(getListenerId(), concurrency);
            List<ListenerConsumer> started = new ArrayList<>(concurrency);
            for (int i = 0; i < concurrency; i++) {
                started.add(new ListenerConsumer(setup, getListenerId() + "-" + i, state));
            }
            runState = state;
            consumers = List.copyOf(started);
            running = true;
            started.forEach(consumer -> new Thread(consumer, consumer.clientId()).start());
            logger.info("[{}] Container started with {} consumer(s) on topics {}",
                    getListenerId(), concurrency, setup.properties().topics());
        }
    }

    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            if (!stopped.await(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                logger.warn("[{}] Consumer threads still running {} after the stop request",
                        getListenerId(), shutdownTimeout);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(Runnable callback) {
        ContainerRunState state;
        synchronized (lifecycleMonitor) {
            state = runState;
            if (!running || state == null) {
                callback.run();
                return;
            }
            running = false;
        }
        try {
            logger.info("[{}] Stopping container", getListenerId());
            state.requestStop();
            consumers.forEach(ListenerConsumer::wakeup);
        } finally {
            state.onAllExited(() -> {
                logger.info("[{}] Container stopped", getListenerId());
                callback.run();
            });
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    @Override
    public void pause() {
        ContainerRunState state = runState;
        if (state != null) {
            state.requestPause(true);
            logger.info("[{}] Pause requested", getListenerId());
        }
    }

    @Override
    public void resume() {
        ContainerRunState state = runState;
        if (state != null) {
            state.requestPause(false);
            logger.info("[{}] Resumed", getListenerId());
        }
    }

    @Override
    public boolean isPauseRequested() {
        ContainerRunState state = runState;
        return state != null && state.isPauseRequested();
    }

    @Override
    public boolean isPaused() {
        ContainerRunState state = runState;
        return state != null && state.isPaused();
    }

    @Override
    public ContainerState getState() {
        ContainerRunState state = runState;
        if (state != null && state.failure() != null) {
            return ContainerState.FAILED;
        }
        if (!running || state == null) {
            return ContainerState.STOPPED;
        }
        return state.isPauseRequested() ? ContainerState.PAUSED : ContainerState.RUNNING;
    }

    @Override
    public Optional<Throwable> getFailure() {
        ContainerRunState state = runState;
        return state == null ? Optional.empty() : Optional.ofNullable(state.failure());
    }

    @Override
    public Map<String, Set<TopicPartition>> getAssignments() {
        Map<String, Set<TopicPartition>> assignments = new LinkedHashMap<>();
        consumers.forEach(consumer -> assignments.put(consumer.clientId(),
                consumer.assignment()));
        return assignments;
    }

    @Override
    public String toString() {
        return "ConcurrentLucidListenerContainer[" + getListenerId() + ", "
                + setup.properties().topics() + ", " + getState() + "]";
    }
}
