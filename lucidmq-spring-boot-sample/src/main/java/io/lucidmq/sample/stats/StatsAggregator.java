package io.lucidmq.sample.stats;

import io.lucidmq.LucidMQ;
import io.lucidmq.sample.SampleProperties;
import io.lucidmq.sample.reading.Reading;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.autoconfigure.LucidTopicProvisioner;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.listener.Acknowledgment;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Aggregates the {@code readings} topic into per-minute statistics and totals, and keeps them
 * across restarts in the {@code stats-snapshots} topic.
 *
 * <p><b>Exactly-once counting over at-least-once delivery.</b> The listener runs in manual
 * acknowledgement mode, with one consumer thread per partition (three by default, from
 * {@code lucidmq.topics.readings.partitions}). Each reading is
 * counted in memory together with the next offset it covers in its partition
 * ({@link StatisticsState}). A snapshot of the state, with those covered offsets, is written
 * to {@code stats-snapshots} after {@code sample.stats.snapshot-records} readings, every
 * {@code sample.stats.snapshot-interval}, and on shutdown. Only once a snapshot is durable are
 * the readings it covers acknowledged, so the group's committed offset never passes what a
 * snapshot contains. On startup the newest snapshot is loaded, and:
 * <ul>
 *   <li>a reading delivered again with an offset below the covered offset (its commit was
 *       lost or not yet made) is skipped, so nothing is counted twice;</li>
 *   <li>a committed offset above the covered offset (the error handler commits past records
 *       it sent to the dead-letter topic) is moved back to the covered offset before the
 *       listener starts, so nothing is lost.</li>
 * </ul>
 */
@Component
public class StatsAggregator implements SchedulingConfigurer {

    /** The consumer group and listener id of the aggregator. */
    public static final String GROUP_ID = "stats-aggregator";

    private static final Logger logger = LoggerFactory.getLogger(StatsAggregator.class);

    private final SnapshotStore store;
    private final SampleProperties.Stats settings;
    private final StatisticsState state;
    /** The newest unacknowledged record of each partition; guarded by {@code this}. */
    private final Map<Integer, Acknowledgment> pendingAcks = new HashMap<>();

    /** Creates the aggregator; taking {@code topics} makes Spring create the topics first. */
    StatsAggregator(LucidMQ lucid, SnapshotStore store, SampleProperties properties,
            LucidTopicProvisioner topics) {
        this.store = store;
        this.settings = properties.stats();
        this.state = new StatisticsState(store.loadLatest(), settings.windowMinutes(),
                settings.maxSeries());
        CommittedOffsets.moveBackTo(lucid, GROUP_ID, Topics.READINGS, state);
    }

    /** Returns the statistics counted so far. */
    public StatisticsState state() {
        return state;
    }

    /**
     * Counts one reading read at {@code offset} of readings partition {@code partition}, and
     * writes a snapshot when {@code sample.stats.snapshot-records} readings are waiting.
     *
     * @throws SeriesLimitException if the reading would start a series beyond the maximum;
     *     the error handler then sends it to the dead-letter topic
     */
    @LucidListener(id = GROUP_ID, topics = Topics.READINGS, ackMode = "MANUAL",
            concurrency = "${lucidmq.topics.readings.partitions:3}")
    public void onReading(Reading reading,
            @Header(LucidHeaders.RECEIVED_PARTITION) int partition,
            @Header(LucidHeaders.OFFSET) long offset,
            Acknowledgment ack) {
        if (!state.apply(partition, offset, reading)) {
            logger.debug("Skipped the reading at readings-{}@{}: the snapshot covers it",
                    partition, offset);
            // The loaded snapshot is durable and covers this record.
            ack.acknowledge();
            return;
        }
        synchronized (this) {
            pendingAcks.put(partition, ack);
        }
        if (state.changesSinceSnapshot() >= settings.snapshotRecords()) {
            writeSnapshot();
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::writeSnapshotLogged, settings.snapshotInterval());
    }

    /**
     * Writes a final snapshot once the listener containers have stopped. The readings it
     * covers stay unacknowledged, because a stopped container commits nothing more; after a
     * restart they are delivered again and skipped.
     */
    @PreDestroy
    synchronized void writeFinalSnapshot() {
        try {
            state.writeSnapshotIfChanged(store::write);
        } catch (IllegalStateException e) {
            logger.error("Writing the final statistics snapshot failed; the readings after "
                    + "the previous snapshot will be counted again from the topic", e);
        }
        pendingAcks.clear();
    }

    /**
     * Writes a snapshot if anything changed, then acknowledges every pending reading. Each
     * pending reading was counted before the snapshot was taken, so the snapshot covers it.
     *
     * @throws IllegalStateException if the snapshot could not be written; nothing is
     *     acknowledged then
     */
    synchronized void writeSnapshot() {
        state.writeSnapshotIfChanged(store::write);
        pendingAcks.values().forEach(Acknowledgment::acknowledge);
        pendingAcks.clear();
    }

    private void writeSnapshotLogged() {
        try {
            writeSnapshot();
        } catch (IllegalStateException e) {
            logger.error("Writing the statistics snapshot failed; the readings stay "
                    + "unacknowledged and the next snapshot is tried in {}",
                    settings.snapshotInterval(), e);
        }
    }
}
