package io.lucidmq.spring.listener;

import io.lucidmq.LucidMQ;
import io.lucidmq.consumer.OffsetResetPolicy;
import io.lucidmq.spring.metrics.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link ConcurrentLucidListenerContainer}s. Holds the defaults of every container
 * setting, each endpoint overriding what it sets. Configure it before the application
 * context refreshes; afterwards it is safe to share between threads.
 */
public class ConcurrentLucidListenerContainerFactory implements LucidListenerContainerFactory {

    /** The bean name {@code @LucidListener} uses without a {@code containerFactory}. */
    public static final String DEFAULT_BEAN_NAME = "lucidListenerContainerFactory";

    private final LucidMQ lucidMQ;
    private int concurrency = ContainerProperties.DEFAULT_CONCURRENCY;
    private Duration pollTimeout = ContainerProperties.DEFAULT_POLL_TIMEOUT;
    private int maxPollRecords = ContainerProperties.DEFAULT_MAX_POLL_RECORDS;
    private AckMode ackMode = AckMode.BATCH;
    private OffsetResetPolicy offsetReset = OffsetResetPolicy.EARLIEST;
    private boolean autoStartup = true;
    private boolean batchListener;
    private int phase = ConcurrentLucidListenerContainer.DEFAULT_PHASE;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private LucidErrorHandler errorHandler = new DefaultErrorHandler();
    private @Nullable MeterRegistry meterRegistry;

    /** Creates a factory whose containers read from {@code lucidMQ}. */
    public ConcurrentLucidListenerContainerFactory(LucidMQ lucidMQ) {
        this.lucidMQ = Objects.requireNonNull(lucidMQ, "lucidMQ");
    }

    /** Sets the default number of consumer threads per container. */
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Sets the maximum wait of one poll. */
    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
    }

    /** Sets the maximum number of records per poll. */
    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    /** Sets the default ack mode. */
    public void setAckMode(AckMode ackMode) {
        this.ackMode = Objects.requireNonNull(ackMode, "ackMode");
    }

    /** Sets where consumers start without a committed offset. */
    public void setOffsetReset(OffsetResetPolicy offsetReset) {
        this.offsetReset = Objects.requireNonNull(offsetReset, "offsetReset");
    }

    /** Sets whether containers start with the application by default. */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** Sets whether listeners receive batches by default. */
    public void setBatchListener(boolean batchListener) {
        this.batchListener = batchListener;
    }

    /** Sets the lifecycle phase of the containers. */
    public void setPhase(int phase) {
        this.phase = phase;
    }

    /** Sets how long a synchronous stop waits for the consumer threads. */
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /** Sets the default error handler. */
    public void setErrorHandler(LucidErrorHandler errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    /** The default error handler. */
    public LucidErrorHandler getErrorHandler() {
        return errorHandler;
    }

    /** Sets the registry for listener meters; {@code null} records none. */
    public void setMeterRegistry(@Nullable MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    public ConcurrentLucidListenerContainer createListenerContainer(
            LucidListenerEndpoint endpoint) {
        ContainerProperties properties = propertiesFor(endpoint);
        boolean batch = orDefault(endpoint.getBatch(), batchListener);
        Object listener = endpoint.createListener(properties, batch);
        ConcurrentLucidListenerContainer container = new ConcurrentLucidListenerContainer(
                lucidMQ, endpoint.getId(), properties, listener,
                orDefault(endpoint.getErrorHandler(), errorHandler),
                ListenerMetrics.of(endpoint.getId(), meterRegistry));
        container.setAutoStartup(orDefault(endpoint.getAutoStartup(), autoStartup));
        container.setPhase(phase);
        container.setShutdownTimeout(shutdownTimeout);
        return container;
    }

    /**
     * Creates a stopped container for a listener written in code.
     *
     * @param listener a {@link RecordListener} or a {@link BatchListener}
     */
    public ConcurrentLucidListenerContainer createContainer(String listenerId,
            List<String> topics, Object listener) {
        ContainerProperties properties = defaults(listenerId, topics).build();
        ConcurrentLucidListenerContainer container = new ConcurrentLucidListenerContainer(
                lucidMQ, listenerId, properties, listener, errorHandler,
                ListenerMetrics.of(listenerId, meterRegistry));
        container.setAutoStartup(autoStartup);
        container.setPhase(phase);
        container.setShutdownTimeout(shutdownTimeout);
        return container;
    }

    private ContainerProperties propertiesFor(LucidListenerEndpoint endpoint) {
        String groupId = orDefault(endpoint.getGroupId(), endpoint.getId());
        return defaults(groupId, endpoint.getTopics())
                .concurrency(orDefault(endpoint.getConcurrency(), concurrency))
                .ackMode(orDefault(endpoint.getAckMode(), ackMode))
                .build();
    }

    private ContainerProperties.Builder defaults(String groupId, List<String> topics) {
        return ContainerProperties.builder(groupId, topics)
                .concurrency(concurrency)
                .pollTimeout(pollTimeout)
                .maxPollRecords(maxPollRecords)
                .ackMode(ackMode)
                .offsetReset(offsetReset);
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }
}
