package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.RecordTooLargeException;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record size limits at engine level: one byte over the maximum is rejected without moving the
 * end offset, and a segment size that cannot hold one maximum record is rejected before any
 * topic uses it.
 */
class RecordLimitsTest {

    /** Encoded size of a record with a null key, an empty value and no headers. */
    private static final int RECORD_OVERHEAD = 29;

    @TempDir
    Path directory;

    @Test
    void recordOneByteOverMaximumRejected() {
        TopicConfig config = new TopicConfig(1, 8192, 1024, -1, -1, null);
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", config);
            byte[] largest = new byte[config.maxRecordBytes() - RECORD_OVERHEAD];
            assertThat(mq.producer().send(ProducerRecord.of("t", largest)).offset()).isZero();

            assertThatThrownBy(() -> mq.producer().send(ProducerRecord.of("t",
                    new byte[largest.length + 1])))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("1025 bytes")
                    .hasMessageContaining("maxRecordBytes 1024");
            assertThat(mq.describeTopic("t").orElseThrow().partitions().get(0).endOffset())
                    .isEqualTo(1);
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(EngineTestSupport.readAll(mq, "t")).singleElement()
                    .satisfies(record -> assertThat(record.value())
                            .hasSize(1024 - RECORD_OVERHEAD));
        }
    }

    @Test
    void segmentTooSmallForMaximumRecordRejected() {
        assertThatThrownBy(() -> new TopicConfig(1, 2048, 2048, -1, -1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segmentBytes 2048 cannot hold one record of "
                        + "maxRecordBytes 2048");
        assertThatThrownBy(() -> LucidConfig.builder(directory)
                .defaultTopicConfig(TopicConfig.defaults().withMaxRecordBytes(
                        TopicConfig.DEFAULT_SEGMENT_BYTES)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hold one record");
    }
}
