package io.lucidmq.log;

import io.lucidmq.record.ProducerRecord;

/**
 * Sizes of records as a partition log encodes them, for checks made before a record reaches
 * a log, such as a producer's check before a topic is auto-created. Stateless and thread-safe.
 */
public final class RecordSizes {

    private RecordSizes() {
    }

    /**
     * Returns the encoded size of {@code record} in a batch: the size that
     * {@link LogConfig#maxRecordBytes()} limits, including the record's length field, its
     * fixed fields and every header.
     */
    public static long encodedSize(ProducerRecord record) {
        return BatchEncoder.recordSize(record);
    }
}
