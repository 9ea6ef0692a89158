package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.inspect.BatchSummary;
import io.lucidmq.inspect.LogInspector;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checksum failure in one partition never hides or skips records of the others. */
class ConsumerCorruptPartitionTest {

    private static final int RECORDS_PER_PARTITION = 200;

    @TempDir
    Path directory;

    @Test
    void corruptPartitionLeavesOtherPartitionsReadable() throws IOException {
        writeRecords();
        BatchSummary damaged = flipByteInBatch(50);

        List<ConsumerRecord> received = new ArrayList<>();
        int failures = 0;
        try (LucidMQ mq = open(); Consumer consumer = mq.consumer(
                ConsumerConfig.group("g").topics("t").maxPollRecords(5000).build())) {
            for (int poll = 0; poll < 20; poll++) {
                try {
                    consumer.poll(Duration.ofMillis(50)).forEach(received::add);
                    consumer.commitSync();
                } catch (CorruptRecordException e) {
                    failures++;
                    assertThat(e.getMessage()).contains("00000000000000000000.log");
                }
            }
            assertThat(consumer.position(new TopicPartition("t", 0)))
                    .isEqualTo(damaged.baseOffset());
        }

        assertThat(failures).isPositive();
        assertThat(received).filteredOn(record -> record.partition() == 1)
                .extracting(ConsumerRecord::offset)
                .containsExactlyElementsOf(offsets(0, RECORDS_PER_PARTITION));
        assertThat(received).filteredOn(record -> record.partition() == 0)
                .extracting(ConsumerRecord::offset)
                .containsExactlyElementsOf(offsets(0, damaged.baseOffset()));
    }

    private LucidMQ open() {
        return LucidMQ.open(LucidConfig.builder(directory).durability(DurabilityPolicy.OS)
                .build());
    }

    private void writeRecords() {
        try (LucidMQ mq = open()) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2)
                    .withMaxRecordBytes(1024).withSegmentBytes(64 * 1024));
            for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                for (int partition = 0; partition < 2; partition++) {
                    mq.producer().send(ProducerRecord.builder("t").partition(partition)
                            .value("value-" + i).build());
                }
            }
        }
    }

    /** Flips a byte inside the batch at {@code batchIndex} of partition 0's first segment. */
    private BatchSummary flipByteInBatch(int batchIndex) throws IOException {
        Path segment = directory.resolve("topics/t/0/00000000000000000000.log");
        List<BatchSummary> batches = new ArrayList<>();
        LogInspector.dump(segment, batches::add);
        BatchSummary batch = batches.get(batchIndex);
        long position = batch.position() + batch.sizeInBytes() - 3;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(1);
            channel.read(buffer, position);
            buffer.put(0, (byte) (buffer.get(0) ^ 0x10));
            channel.write(buffer.rewind(), position);
        }
        return batch;
    }

    private static List<Long> offsets(long from, long to) {
        List<Long> offsets = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            offsets.add(offset);
        }
        return offsets;
    }
}
