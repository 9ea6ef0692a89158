package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.PartitionDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up in the middle of a batch append: the active segment is preallocated in
 * 4 MiB steps, so a batch that crosses a step writes to the file system and gets ENOSPC. The
 * caller gets the error, the partition goes to the failed state, no part of the batch is
 * visible after reopen, and appends work again after reopen once space is freed.
 */
class DiskFullBatchTest {

    private static final int PREALLOCATION_STEP = 4 * 1024 * 1024;

    @TempDir
    Path directory;

    private static List<ProducerRecord> batch(String prefix, int count) {
        List<ProducerRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(ProducerRecord.builder("t").partition(0).key(prefix + i)
                    .value(new byte[1000]).build());
        }
        return records;
    }

    @Test
    void diskFullMidBatchAppendsNothing() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        long acknowledged = 0;
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.SYNC).build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            while (partition(mq).sizeInBytes() < PREALLOCATION_STEP - 150_000) {
                acknowledged += producer.sendAll(batch("fill-", 100)).size();
            }
            fileIO.fail(Operation.WRITE, 1, true, path -> path.toString().endsWith(".log"),
                    FaultInjectingFileIO.NO_SPACE);

            assertThatThrownBy(() -> producer.sendAll(batch("lost-", 200)))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
            assertThat(partition(mq).endOffset()).isEqualTo(acknowledged);
            assertThatThrownBy(() -> producer.send(batch("rejected-", 1).get(0)))
                    .isInstanceOf(PartitionFailedException.class);

            fileIO.clearFaults();
            assertThatThrownBy(() -> producer.send(batch("still-failed-", 1).get(0)))
                    .isInstanceOf(PartitionFailedException.class);
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            List<ConsumerRecord> records = EngineTestSupport.readAll(mq, "t");
            assertThat(records).hasSize((int) acknowledged);
            assertThat(records).allSatisfy(record ->
                    assertThat(record.keyAsString()).startsWith("fill-"));
            assertThat(mq.producer().sendAll(batch("after-", 200)).get(0).offset())
                    .isEqualTo(acknowledged);
            assertThat(partition(mq).endOffset()).isEqualTo(acknowledged + 200);
        }
    }

    private static PartitionDescription partition(LucidMQ mq) {
        return mq.describeTopic("t").orElseThrow().partitions().get(0);
    }
}
