package io.lucidmq.sample.stats;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.sample.topics.TailReader;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.core.LucidTemplate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes statistics snapshots to the {@code stats-snapshots} topic and reads the newest one
 * back. Thread-safe.
 *
 * <p>Each snapshot is one JSON record; the newest record of the topic is the current state.
 * {@link #write} returns only once the record is durable, so a caller may then acknowledge
 * every reading the snapshot covers.
 */
@Component
public class SnapshotStore {

    /** The maximum time to wait for a snapshot to be written or read. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final TopicPartition PARTITION =
            new TopicPartition(Topics.STATS_SNAPSHOTS, 0);

    private static final Logger logger = LoggerFactory.getLogger(SnapshotStore.class);

    private final LucidMQ lucid;
    private final LucidTemplate template;
    private final JsonMapper mapper;

    SnapshotStore(LucidMQ lucid, LucidTemplate template, JsonMapper mapper) {
        this.lucid = lucid;
        this.template = template;
        this.mapper = mapper;
    }

    /**
     * Returns the newest snapshot, or {@link StatisticsSnapshot#EMPTY} when none was written.
     *
     * @throws IllegalStateException if the newest snapshot cannot be read or parsed. Starting
     *     empty instead would count every retained reading again, and the readings already
     *     deleted by retention would be lost.
     */
    public StatisticsSnapshot loadLatest() {
        List<ConsumerRecord> tail = TailReader.readTail(lucid, PARTITION, 1, TIMEOUT);
        if (tail.isEmpty()) {
            logger.info("No statistics snapshot in {}; starting from zero", PARTITION);
            return StatisticsSnapshot.EMPTY;
        }
        ConsumerRecord record = tail.get(0);
        StatisticsSnapshot snapshot = parse(record);
        logger.info("Loaded the statistics snapshot at {}@{}: {} series, covered offsets {}",
                PARTITION, record.offset(), snapshot.series().size(), snapshot.coveredOffsets());
        return snapshot;
    }

    /**
     * Writes {@code snapshot} and waits until it is durable.
     *
     * @throws IllegalStateException if the write failed or timed out
     */
    public RecordMetadata write(StatisticsSnapshot snapshot) {
        byte[] json = mapper.writeValueAsBytes(snapshot);
        try {
            RecordMetadata metadata = template.send(Topics.STATS_SNAPSHOTS, "statistics",
                    json).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).metadata();
            logger.debug("Wrote a statistics snapshot of {} bytes at {}@{}, covered offsets {}",
                    json.length, PARTITION, metadata.offset(), snapshot.coveredOffsets());
            return metadata;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a statistics snapshot", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Writing a statistics snapshot of " + json.length
                    + " bytes to " + PARTITION + " failed", e);
        }
    }

    private StatisticsSnapshot parse(ConsumerRecord record) {
        StatisticsSnapshot snapshot;
        try {
            snapshot = mapper.readValue(record.value(), StatisticsSnapshot.class);
        } catch (JacksonException e) {
            throw new IllegalStateException(unreadable(record, "it is not valid snapshot JSON"),
                    e);
        }
        if (snapshot.formatVersion() < StatisticsSnapshot.MIN_FORMAT_VERSION
                || snapshot.formatVersion() > StatisticsSnapshot.FORMAT_VERSION) {
            throw new IllegalStateException(unreadable(record, "its format version is "
                    + snapshot.formatVersion() + ", but this application reads versions "
                    + StatisticsSnapshot.MIN_FORMAT_VERSION + " to "
                    + StatisticsSnapshot.FORMAT_VERSION));
        }
        return snapshot;
    }

    private String unreadable(ConsumerRecord record, String reason) {
        return "Cannot read the statistics snapshot at " + PARTITION + "@" + record.offset()
                + " in " + lucid.directory() + " because " + reason + ". To rebuild the "
                + "statistics from the retained readings, stop the application and delete the "
                + "topic " + Topics.STATS_SNAPSHOTS + " and the consumer group "
                + StatsAggregator.GROUP_ID;
    }
}
