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
 * A disk that fills up while a partition appends. The active segment's file grows in 4 MiB
 * steps of zeros. Without background segment work, the batch that crosses a step writes them
 * itself and gets ENOSPC. With it, the preparer fails first, and the append that needs the
 * space writes the step again and gets ENOSPC. Either way the caller gets the error, the partition goes to the
 * failed state, no part of the failed batch is visible after reopen, and appends work again
 * after reopen once space is freed.
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
        try (LucidMQ mq = LucidMQ.open(config(fileIO, false))) {
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
            assertRejectedUntilReopen(fileIO, mq.producer());
        }
        assertReopenedWithAcknowledgedOnly(acknowledged);
    }

    @Test
    void diskFullAheadFailsNeedingAppend() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        long acknowledged = 0;
        try (LucidMQ mq = LucidMQ.open(config(fileIO, true))) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            acknowledged += producer.sendAll(batch("fill-", 100)).size();
            fileIO.fail(Operation.WRITE, 1, true, path -> path.toString().endsWith(".log"),
                    FaultInjectingFileIO.NO_SPACE);

            // The steps prepared before the fault hold at most two chunks of batches.
            LucidStorageException failure = null;
            for (int i = 0; i < 3 * PREALLOCATION_STEP / 100_000 && failure == null; i++) {
                try {
                    acknowledged += producer.sendAll(batch("fill-", 100)).size();
                } catch (LucidStorageException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("an append fails once the prepared space is used up")
                    .isNotNull().hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
            assertThat(partition(mq).endOffset()).isEqualTo(acknowledged);
            assertRejectedUntilReopen(fileIO, producer);
        }
        assertReopenedWithAcknowledgedOnly(acknowledged);
    }

    private LucidConfig config(FaultInjectingFileIO fileIO, boolean backgroundSegmentWork) {
        return LucidConfig.builder(directory).fileIO(fileIO).durability(DurabilityPolicy.SYNC)
                .backgroundSegmentWork(backgroundSegmentWork).build();
    }

    private static void assertRejectedUntilReopen(FaultInjectingFileIO fileIO,
            Producer producer) {
        assertThatThrownBy(() -> producer.send(batch("rejected-", 1).get(0)))
                .isInstanceOf(PartitionFailedException.class);
        fileIO.clearFaults();
        assertThatThrownBy(() -> producer.send(batch("still-failed-", 1).get(0)))
                .isInstanceOf(PartitionFailedException.class);
    }

    private void assertReopenedWithAcknowledgedOnly(long acknowledged) {
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
