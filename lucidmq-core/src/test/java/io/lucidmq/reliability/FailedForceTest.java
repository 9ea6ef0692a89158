package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A failed force is never retried as if nothing happened: the partition enters the failed
 * state, later writes fail saying why and how to recover, the failure is logged once, and
 * reopening recovers the partition from its log.
 */
class FailedForceTest {

    private final Logger partitionLogger = (Logger) LoggerFactory.getLogger(PartitionLog.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @TempDir
    Path directory;

    @BeforeEach
    void captureLogs() {
        events.start();
        partitionLogger.addAppender(events);
    }

    @AfterEach
    void releaseLogs() {
        partitionLogger.detachAppender(events);
    }

    @Test
    void failedForceFailsPartitionUntilReopen() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.SYNC).build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            producer.send(ProducerRecord.of("t", "kept"));
            fileIO.failNth(Operation.FORCE, 1);

            assertThatThrownBy(() -> producer.send(ProducerRecord.of("t", "unacknowledged")))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> producer.send(ProducerRecord.of("t", "rejected")))
                        .isInstanceOf(PartitionFailedException.class)
                        .hasMessageContaining("rejects writes because force of")
                        .hasMessageContaining(FaultInjectingFileIO.NO_SPACE)
                        .hasMessageContaining("reopen the directory");
            }
            assertThat(producer.sendAsync(ProducerRecord.of("t", "rejected")))
                    .failsWithin(Duration.ofSeconds(10));
            assertThatThrownBy(mq::flush).isInstanceOf(PartitionFailedException.class);
        }

        assertThat(errorsAbout("failed")).as("errors logged for the failure").hasSize(1);
        try (LucidMQ mq = LucidMQ.open(directory)) {
            List<ConsumerRecord> records = EngineTestSupport.readAll(mq, "t");
            assertThat(records.get(0).valueAsString()).isEqualTo("kept");
            assertThat(records).extracting(ConsumerRecord::valueAsString)
                    .doesNotContain("rejected");
            long end = records.size();
            assertThat(mq.producer().send(ProducerRecord.of("t", "after reopen")).offset())
                    .isEqualTo(end);
        }
    }

    @Test
    void failedAsyncForceFailsFutureAndLaterSends() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.SYNC).build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            producer.send(ProducerRecord.of("t", "kept"));
            fileIO.failNth(Operation.FORCE, 1);

            assertThat(producer.sendAsync(ProducerRecord.of("t", "unacknowledged")))
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat().havingRootCause()
                    .withMessageContaining(FaultInjectingFileIO.NO_SPACE);
            assertThatThrownBy(() -> producer.send(ProducerRecord.of("t", "rejected")))
                    .isInstanceOf(PartitionFailedException.class);
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(EngineTestSupport.readAll(mq, "t")).extracting(ConsumerRecord::valueAsString)
                    .startsWith("kept").doesNotContain("rejected");
        }
    }

    private List<ILoggingEvent> errorsAbout(String text) {
        return events.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                .filter(event -> event.getFormattedMessage().contains(text)).toList();
    }
}
