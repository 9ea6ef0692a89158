package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.testing.AckedRecords;
import io.lucidmq.testing.ChildJvm;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.testing.AckingProducerMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerCrashTest {

    private static final int PARTITIONS = 3;
    private static final int THREADS = 4;
    private static final int MIN_ACKS = 400;
    private static final int MIN_OS_ACKS = 20_000;

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @Test
    void killedSyncProducerLosesNoAcknowledgedRecord() throws Exception {
        killAndCheck(DurabilityPolicy.SYNC, MIN_ACKS);
    }

    /**
     * Under OS durability an acknowledged record is in the page cache, which survives the
     * process. With 64 KiB segments the log rolls every few hundred records, so the kill
     * usually lands while the sealer still has rolled segments to force, trim and index.
     */
    @Test
    void killedOsProducerLosesNothing() throws Exception {
        killAndCheck(DurabilityPolicy.OS, MIN_OS_ACKS);
    }

    private void killAndCheck(DurabilityPolicy durability, int minAcks) throws Exception {
        List<AckedRecords.Ack> acks;
        try (ChildJvm child = ChildJvm.start(AckingProducerMain.class, logs.resolve("child.err"),
                directory.toString(), "crash", Integer.toString(PARTITIONS),
                Integer.toString(THREADS), durability.name())) {
            child.awaitLine("READY"::equals, Duration.ofSeconds(60));
            Awaitility.await().atMost(120, TimeUnit.SECONDS)
                    .until(() -> child.countLines(ProducerCrashTest::isAck) >= minAcks);
            child.kill();
            acks = child.lines().stream().filter(ProducerCrashTest::isAck)
                    .map(AckedRecords.Ack::parse).toList();
        }
        assertThat(acks).hasSizeGreaterThanOrEqualTo(minAcks);
        assertThat(acks).extracting(AckedRecords.Ack::thread).contains(0, 1, 2, 3);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            Map<String, ConsumerRecord> stored = new HashMap<>();
            for (ConsumerRecord record : EngineTestSupport.readAll(mq, "crash")) {
                stored.put(record.partition() + "@" + record.offset(), record);
            }
            for (AckedRecords.Ack ack : acks) {
                ConsumerRecord record = stored.get(ack.partition() + "@" + ack.offset());
                assertThat(record).as("acknowledged %s", ack).isNotNull();
                assertThat(record.key()).as("key of %s", ack)
                        .isEqualTo(AckedRecords.key(ack.thread(), ack.sequence()));
                assertThat(record.value()).as("value of %s", ack)
                        .isEqualTo(AckedRecords.value(ack.thread(), ack.sequence()));
            }
        }
    }

    private static boolean isAck(String line) {
        return line.startsWith(AckedRecords.ACK_PREFIX);
    }
}
