package io.lucidmq.spring.metrics;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicDescription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds gauges of a LucidMQ directory: per topic and partition,
 * {@value LucidMeters#PARTITION_SIZE} (bytes) and {@value LucidMeters#PARTITION_END_OFFSET};
 * per group, topic and partition, {@value LucidMeters#CONSUMER_LAG} (records between the
 * committed offset and the end offset).
 *
 * <p>Topics and groups appear while the application runs, so a daemon thread rescans every
 * refresh interval, adding gauges for new partitions and groups and removing those of deleted
 * topics. Each gauge reads the current value from the instance when the registry samples it,
 * and reads {@code NaN} once the instance is closed. {@link #close()} stops the rescans.
 * Thread-safe.
 */
public class LucidMeterBinder implements MeterBinder, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(LucidMeterBinder.class);

    private final LucidMQ lucidMQ;
    private final Duration refreshInterval;
    private final Map<String, List<Meter>> metersByKey = new HashMap<>();
    private @Nullable MeterRegistry registry;
    private @Nullable ScheduledExecutorService refresher;

    /** Creates a binder for {@code lucidMQ} that rescans every {@code refreshInterval}. */
    public LucidMeterBinder(LucidMQ lucidMQ, Duration refreshInterval) {
        this.lucidMQ = Objects.requireNonNull(lucidMQ, "lucidMQ");
        if (refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "refreshInterval must be above zero, but was " + refreshInterval);
        }
        this.refreshInterval = refreshInterval;
    }

    @Override
    public synchronized void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        refresh();
        if (refresher == null) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "lucidmq-metrics-refresh");
                        thread.setDaemon(true);
                        return thread;
                    });
            long millis = refreshInterval.toMillis();
            executor.scheduleWithFixedDelay(this::refreshLogged, millis, millis,
                    TimeUnit.MILLISECONDS);
            refresher = executor;
        }
    }

    /** Adds gauges for new partitions and groups and removes those that are gone. */
    public synchronized void refresh() {
        MeterRegistry current = registry;
        if (current == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String topic : lucidMQ.listTopics()) {
            lucidMQ.describeTopic(topic).ifPresent(description ->
                    description.partitions().forEach(partition ->
                            bindPartition(current, topic, partition.partition(), seen)));
        }
        for (String group : lucidMQ.listGroups()) {
            lucidMQ.describeGroup(group).ifPresent(description ->
                    description.partitions().forEach(state ->
                            bindLag(current, group, state.topicPartition(), seen)));
        }
        metersByKey.entrySet().removeIf(entry -> {
            if (seen.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(current::remove);
            return true;
        });
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    private void bindPartition(MeterRegistry current, String topic, int partition,
            Set<String> seen) {
        String key = "partition/" + topic + "/" + partition;
        seen.add(key);
        if (metersByKey.containsKey(key)) {
            return;
        }
        TopicPartition topicPartition = new TopicPartition(topic, partition);
        metersByKey.put(key, List.of(
                partitionGauge(current, LucidMeters.PARTITION_SIZE, topicPartition,
                        "Size of the partition's segment files", "bytes",
                        PartitionDescription::sizeInBytes),
                partitionGauge(current, LucidMeters.PARTITION_END_OFFSET, topicPartition,
                        "Offset the next record of the partition will get", null,
                        PartitionDescription::endOffset)));
    }

    private Meter partitionGauge(MeterRegistry current, String name, TopicPartition partition,
            String description, @Nullable String baseUnit,
            ToDoubleFunction<PartitionDescription> value) {
        return Gauge.builder(name, this, binder -> binder.readPartition(partition, value))
                .description(description)
                .baseUnit(baseUnit)
                .tag(LucidMeters.TAG_TOPIC, partition.topic())
                .tag(LucidMeters.TAG_PARTITION, Integer.toString(partition.partition()))
                .register(current);
    }

    private void bindLag(MeterRegistry current, String group, TopicPartition partition,
            Set<String> seen) {
        String key = "lag/" + group + "/" + partition.topic() + "/" + partition.partition();
        seen.add(key);
        if (metersByKey.containsKey(key)) {
            return;
        }
        Meter lag = Gauge.builder(LucidMeters.CONSUMER_LAG, this,
                        binder -> binder.readLag(group, partition))
                .description("Records between the group's committed offset and the end offset")
                .baseUnit("records")
                .tag(LucidMeters.TAG_GROUP, group)
                .tag(LucidMeters.TAG_TOPIC, partition.topic())
                .tag(LucidMeters.TAG_PARTITION, Integer.toString(partition.partition()))
                .register(current);
        metersByKey.put(key, List.of(lag));
    }

    // NOTE: each gauge describes its topic or group on every sample; a registry with many
    // partitions pays one describe call per gauge and scrape.
    private double readPartition(TopicPartition partition,
            ToDoubleFunction<PartitionDescription> value) {
        try {
            return lucidMQ.describeTopic(partition.topic())
                    .map(TopicDescription::partitions)
                    .filter(partitions -> partition.partition() < partitions.size())
                    .map(partitions -> value.applyAsDouble(partitions.get(partition.partition())))
                    .orElse(Double.NaN);
        } catch (IllegalStateException ex) {
            logger.debug("Gauge of {} reads NaN: the instance is closed", partition, ex);
            return Double.NaN;
        }
    }

    private double readLag(String group, TopicPartition partition) {
        try {
            return lucidMQ.describeGroup(group)
                    .flatMap(description -> description.partitions().stream()
                            .filter(state -> state.topicPartition().equals(partition))
                            .findFirst())
                    .map(GroupPartitionState::lag)
                    .map(Long::doubleValue)
                    .orElse(Double.NaN);
        } catch (IllegalStateException ex) {
            logger.debug("Lag gauge of group {} on {} reads NaN: the instance is closed",
                    group, partition, ex);
            return Double.NaN;
        }
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException ex) {
            logger.warn("Refreshing the LucidMQ gauges failed; retrying in {}",
                    refreshInterval, ex);
        }
    }
}
