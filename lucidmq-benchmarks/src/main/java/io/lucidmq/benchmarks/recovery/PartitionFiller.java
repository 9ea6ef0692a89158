package io.lucidmq.benchmarks.recovery;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.benchmarks.support.Payloads;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a one-partition LucidMQ topic of a given size with 1 KiB records, then closes it. */
final class PartitionFiller {

    /** The topic written. */
    static final String TOPIC = "recovery";

    /** Size of each record value in bytes. */
    static final int VALUE_BYTES = 1024;

    private static final int SEND_BATCH = 256;

    private PartitionFiller() {
    }

    /**
     * Appends records until their values add up to {@code partitionBytes} and closes cleanly.
     *
     * @return the number of records written
     */
    static long fill(Path directory, long partitionBytes) {
        byte[] value = Payloads.value(VALUE_BYTES);
        long records = Math.max(1, partitionBytes / VALUE_BYTES);
        try (LucidMQ lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
                Producer producer = lucid.producer()) {
            LucidFixtures.createTopic(lucid, TOPIC, DurabilityPolicy.OS);
            List<ProducerRecord> batch = new ArrayList<>(SEND_BATCH);
            for (long i = 0; i < records; i++) {
                batch.add(ProducerRecord.of(TOPIC, value));
                if (batch.size() == SEND_BATCH || i == records - 1) {
                    producer.sendAll(batch);
                    batch.clear();
                }
            }
        }
        return records;
    }
}
