package io.lucidmq.producer;

import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Appends records to topics. Thread-safe: any number of threads may send through one producer,
 * and concurrent sends to one partition under {@link io.lucidmq.DurabilityPolicy#SYNC} share a
 * force (group commit).
 *
 * <p>A send is acknowledged (returns, or completes its future) once the record is as durable as
 * the topic's durability policy promises. Records sent from one thread to one partition get
 * increasing offsets in the order they were sent.
 *
 * <p>A failed send leaves nothing visible: either the whole record (or batch) was appended or
 * none of it was.
 */
public interface Producer extends AutoCloseable {

    /**
     * Sends a record and waits until it is acknowledged.
     *
     * @return the topic, partition, offset and timestamp of the record
     * @throws io.lucidmq.RecordTooLargeException if the record exceeds the maximum record size
     * @throws io.lucidmq.UnknownTopicException if the topic is missing and auto-creation is off
     * @throws io.lucidmq.TopicNameConflictException if the topic is missing and an existing
     *     topic's name differs from it only in letter case
     * @throws io.lucidmq.PartitionFailedException if the partition refuses writes after an I/O
     *     failure
     * @throws io.lucidmq.LucidStorageException if writing fails
     * @throws IllegalArgumentException if the requested partition does not exist
     */
    RecordMetadata send(ProducerRecord record);

    /**
     * Sends a record without waiting. The future completes when the record is acknowledged, or
     * exceptionally with one of the exceptions listed for {@link #send}. Validation failures
     * may also be thrown directly.
     */
    CompletableFuture<RecordMetadata> sendAsync(ProducerRecord record);

    /**
     * Sends several records and waits until all are acknowledged. Records for the same
     * partition are appended as one batch, atomically, in list order. Every record's topic and
     * partition is resolved before anything is appended. The batches of different partitions
     * are then appended one after another. When one of them fails, for example with a record
     * too large, the batches appended before it stay.
     *
     * @return the metadata of each record, in list order
     */
    List<RecordMetadata> sendAll(List<ProducerRecord> records);

    /** Forces every record this instance has written to disk, whatever the policy. */
    void flush();

    /** Marks this producer closed; further sends throw {@link IllegalStateException}. */
    @Override
    void close();
}
