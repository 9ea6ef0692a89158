package io.lucidmq.producer;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidException;
import io.lucidmq.RecordTooLargeException;
import io.lucidmq.engine.ChangeSignal;
import io.lucidmq.engine.EngineLifecycle;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.log.RecordSizes;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.topic.Topic;
import io.lucidmq.topic.TopicRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The send path shared by every producer of an instance: resolve (or auto-create) the topic,
 * choose the partition, append, wake consumers, and make the records as durable as the
 * topic's policy promises before acknowledging.
 *
 * <p>Appends run on the caller's thread, so records one thread sends to one partition get
 * increasing offsets in send order. Under {@link DurabilityPolicy#SYNC} a send forces the
 * partition with {@link PartitionLog#flushUpTo}, which concurrent senders share; an
 * asynchronous send hands the force to the {@link SyncFlusher}. Thread-safe.
 */
public final class RecordAppender {

    private final TopicRegistry topics;
    private final Partitioner partitioner;
    private final ChangeSignal signal;
    private final SyncFlusher syncFlusher;
    private final EngineLifecycle lifecycle;
    private final Clock clock;

    /** Creates the send path of one instance. */
    public RecordAppender(TopicRegistry topics, Partitioner partitioner, ChangeSignal signal,
            SyncFlusher syncFlusher, EngineLifecycle lifecycle, Clock clock) {
        this.topics = topics;
        this.partitioner = partitioner;
        this.signal = signal;
        this.syncFlusher = syncFlusher;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Appends one record and waits until it is acknowledged; see {@link #sendAll}. */
    public RecordMetadata send(ProducerRecord record) {
        validate(record);
        lifecycle.enter();
        try {
            return appendOne(record);
        } finally {
            lifecycle.exit();
        }
    }

    /** Appends one record as {@link #appendBatches} does, without its per-partition map. */
    private RecordMetadata appendOne(ProducerRecord record) {
        Topic topic = topicForSend(record.topic(), List.of(record));
        int partition = partitioner.partition(topic, record);
        PartitionLog log = topic.log(partition);
        long timestamp = timestampOf(record, clock.millis());
        long offset = log.append(List.of(record), timestamp);
        if (topic.durability() == DurabilityPolicy.SYNC) {
            log.flushUpTo(offset + 1);
        }
        signal.publish();
        return new RecordMetadata(topic.name(), partition, offset, timestamp);
    }

    /**
     * Appends one record now and returns a future that completes when it is acknowledged.
     * Invalid input and a closed instance throw directly; other failures complete the
     * future exceptionally.
     */
    public CompletableFuture<RecordMetadata> sendAsync(ProducerRecord record) {
        validate(record);
        return lifecycle.call(() -> {
            Topic topic;
            PartitionLog log;
            RecordMetadata metadata;
            try {
                topic = topicForSend(record.topic(), List.of(record));
                int partition = partitioner.partition(topic, record);
                log = topic.log(partition);
                long timestamp = timestampOf(record, clock.millis());
                long offset = log.append(List.of(record), timestamp);
                metadata = new RecordMetadata(topic.name(), partition, offset, timestamp);
            } catch (LucidException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (topic.durability() == DurabilityPolicy.SYNC) {
                return syncFlusher.enqueue(log, metadata.offset() + 1, metadata);
            }
            signal.publish();
            return CompletableFuture.completedFuture(metadata);
        });
    }

    /**
     * Appends records and waits until all are acknowledged. The records of each partition
     * are appended as one batch, atomically and in list order.
     *
     * <p>NOTE: batches for different partitions are appended one after another, so when a
     * later batch fails (for example with a record too large) the earlier batches stay
     * appended. Likewise a topic auto-created for some records stays when a record for
     * another topic is rejected.
     *
     * @return the metadata of each record, in list order
     */
    public List<RecordMetadata> sendAll(List<ProducerRecord> records) {
        Objects.requireNonNull(records, "records");
        records.forEach(RecordAppender::validate);
        if (records.isEmpty()) {
            lifecycle.ensureOpen();
            return List.of();
        }
        return lifecycle.call(() -> appendBatches(records));
    }

    private List<RecordMetadata> appendBatches(List<ProducerRecord> records) {
        // Resolve every record's partition before appending anything.
        Map<PartitionBatch.Key, PartitionBatch> batches = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord record = records.get(i);
            Topic topic = topicForSend(record.topic(), records);
            int partition = partitioner.partition(topic, record);
            batches.computeIfAbsent(new PartitionBatch.Key(topic.name(), partition),
                    key -> new PartitionBatch(topic, partition)).add(i, record);
        }

        // Append one batch per partition, then make them durable.
        long timestamp = clock.millis();
        RecordMetadata[] metadata = new RecordMetadata[records.size()];
        for (PartitionBatch batch : batches.values()) {
            batch.append(timestamp, metadata);
        }
        for (PartitionBatch batch : batches.values()) {
            if (batch.topic().durability() == DurabilityPolicy.SYNC) {
                batch.log().flushUpTo(batch.endOffset());
            }
        }

        // Wake consumers: the records are readable now, under SYNC because they are forced.
        signal.publish();
        return List.of(metadata);
    }

    /**
     * Returns the topic of a send, auto-created if missing. Before an auto-creation, the
     * records of the send that go to the topic are checked against the maximum record size it
     * would get, so that a rejected send leaves no new topic behind.
     *
     * @param records the records of the send, for every topic
     * @throws RecordTooLargeException if the topic is missing and a record's encoded size
     *     exceeds its future maximum record size; nothing is created
     */
    private Topic topicForSend(String name, List<ProducerRecord> records) {
        return topics.topicForSend(name, config -> {
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).topic().equals(name)) {
                    checkPayloadFits(records.get(i), i, name, config.maxRecordBytes());
                }
            }
        });
    }

    /**
     * Rejects a record whose encoded size, as the log would store it, is above
     * {@code maxRecordBytes}.
     */
    private static void checkPayloadFits(ProducerRecord record, int index, String topic,
            int maxRecordBytes) {
        long size = RecordSizes.encodedSize(record);
        if (size > maxRecordBytes) {
            throw new RecordTooLargeException("record " + index + " for topic " + topic
                    + " takes " + size + " bytes encoded, above the maxRecordBytes "
                    + maxRecordBytes + " that the topic would get on auto-creation. The topic "
                    + "was not created.");
        }
    }

    static long timestampOf(ProducerRecord record, long now) {
        return record.timestamp() != null ? record.timestamp() : now;
    }

    /**
     * Rejects a null record. The topic name is checked by
     * {@link TopicRegistry#topicForSend(String, java.util.function.Consumer)}
     * when it finds no such topic, so a send to an existing topic does not check it again.
     */
    private static ProducerRecord validate(ProducerRecord record) {
        return Objects.requireNonNull(record, "record");
    }

    /** The records of one send that go to one partition, with their places in the send. */
    private static final class PartitionBatch {

        private record Key(String topic, int partition) {
        }

        private final Topic topic;
        private final int partition;
        private final List<ProducerRecord> records = new ArrayList<>();
        private int[] positions = new int[4];
        private long endOffset;

        PartitionBatch(Topic topic, int partition) {
            this.topic = topic;
            this.partition = partition;
        }

        void add(int position, ProducerRecord record) {
            if (records.size() == positions.length) {
                positions = Arrays.copyOf(positions, positions.length * 2);
            }
            positions[records.size()] = position;
            records.add(record);
        }

        void append(long timestamp, RecordMetadata[] metadata) {
            long first = log().append(records, timestamp);
            for (int i = 0; i < records.size(); i++) {
                metadata[positions[i]] = new RecordMetadata(topic.name(), partition,
                        first + i, timestampOf(records.get(i), timestamp));
            }
            endOffset = first + records.size();
        }

        Topic topic() {
            return topic;
        }

        PartitionLog log() {
            return topic.log(partition);
        }

        long endOffset() {
            return endOffset;
        }
    }
}
