package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.awaitUninterruptibly;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.record;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs given a {@link WriteChannelBudget}: writes and forces through a kept channel. */
class ChannelWriteTest {

    @TempDir
    Path directory;

    private PartitionLog open(Path dir, LogConfig config, FileIO fileIO,
            WriteChannelBudget budget) {
        return PartitionLog.open(dir, PARTITION, config, fileIO, false, null, null, budget);
    }

    @Test
    void activeSegmentHoldsPlaceUntilClose() {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(1024 * 1024);
        try (PartitionLog log = open(directory, config, FileIO.standard(), budget)) {
            assertThat(budget.freePlaces()).isEqualTo(1);
            appendValues(log, "a", "b", "c");
            log.flushUpTo(3);

            assertThat(budget.freePlaces()).isZero();
            assertThat(log.flushedOffset()).isEqualTo(3);
            assertThat(values(readAll(log))).containsExactly("a", "b", "c");
        }
        assertThat(budget.freePlaces()).isEqualTo(1);

        try (PartitionLog reopened = LogTestSupport.open(directory, config)) {
            assertThat(values(readAll(reopened))).containsExactly("a", "b", "c");
        }
    }

    @Test
    void rollsPassPlaceToNextSegment() throws Exception {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(4096);
        List<String> sent = IntStream.range(0, 200).mapToObj(i -> "value-" + i).toList();
        try (PartitionLog log = open(directory, config, FileIO.standard(), budget)) {
            for (String value : sent) {
                long offset = appendValues(log, value);
                log.flushUpTo(offset + 1);
            }
            assertThat(log.segmentCount()).isGreaterThan(3);
            assertThat(budget.freePlaces()).isZero();
        }
        assertThat(budget.freePlaces()).isEqualTo(1);

        try (PartitionLog reopened = LogTestSupport.open(directory, config)) {
            assertThat(values(readAll(reopened))).containsExactlyElementsOf(sent);
        }
        assertThat(PartitionVerifier.verifyPartition(directory)).isEmpty();
    }

    @Test
    void rollWithSealerPassesPlaceToNextSegment() {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(4096);
        // The sealer starts only at the end, so each segment's first write comes before the
        // background seal of the segment before it. The flushes complete the seals instead.
        CountDownLatch sealerStart = new CountDownLatch(1);
        ThreadFactory lateSealer = task -> new Thread(() -> {
            awaitUninterruptibly(sealerStart);
            task.run();
        });
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, lateSealer);
                PartitionLog log = PartitionLog.open(directory, PARTITION, config,
                        FileIO.standard(), false, null, workers, budget)) {
            List<Integer> freeAfterFlush = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long offset = appendValues(log, "value-" + i);
                log.flushUpTo(offset + 1);
                freeAfterFlush.add(budget.freePlaces());
            }
            sealerStart.countDown();

            assertThat(log.segmentCount()).isGreaterThan(3);
            assertThat(freeAfterFlush).containsOnly(0);
        }
        assertThat(budget.freePlaces()).isEqualTo(1);
    }

    @Test
    void largeBatchesKeepNoDirectMemory() throws Exception {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(8 * 1024 * 1024);
        List<ProducerRecord> batch = IntStream.range(0, 1000)
                .mapToObj(i -> ProducerRecord.builder(PARTITION.topic())
                        .value(new byte[900]).build())
                .toList();
        BufferPoolMXBean direct = ManagementFactory
                .getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        try (PartitionLog log = open(directory, config, FileIO.standard(), budget)) {
            appendValues(log, "first");
            long before = direct.getMemoryUsed();
            CountDownLatch sent = new CountDownLatch(4);
            CountDownLatch measured = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread sender = new Thread(() -> {
                    long offset = log.append(batch, TIMESTAMP);
                    log.flushUpTo(offset + batch.size());
                    sent.countDown();
                    awaitUninterruptibly(measured);
                });
                sender.start();
                senders.add(sender);
            }
            sent.await();
            long grown = direct.getMemoryUsed() - before;
            measured.countDown();
            for (Thread sender : senders) {
                sender.join();
            }

            // Each sender would keep a temporary direct buffer of its batch, 900 KB, so 3.6 MB.
            assertThat(grown).isLessThan(1024 * 1024);
            assertThat(log.endOffset()).isEqualTo(1 + 4 * batch.size());
            assertThat(readAll(log)).hasSize(1 + 4 * batch.size());
        }
    }

    @Test
    void logWithoutFreePlaceWritesThroughMappings() {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(1024 * 1024);
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");
        try (PartitionLog holder = open(first, config, FileIO.standard(), budget);
                PartitionLog other = open(second, config, FileIO.standard(), budget)) {
            appendValues(holder, "a");
            appendValues(other, "x", "y");
            holder.flushUpTo(1);
            other.flushUpTo(2);

            assertThat(budget.freePlaces()).isZero();
            assertThat(values(readAll(other))).containsExactly("x", "y");
        }
        assertThat(budget.freePlaces()).isEqualTo(1);
        try (PartitionLog reopened = LogTestSupport.open(second, config)) {
            assertThat(values(readAll(reopened))).containsExactly("x", "y");
        }
    }

    @Test
    void senderWithInterruptFlagAppendsAndKeepsFlag() {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(1024 * 1024);
        try (PartitionLog log = open(directory, config, FileIO.standard(), budget)) {
            appendValues(log, "before");
            log.flushUpTo(1);

            Thread.currentThread().interrupt();
            try {
                long offset = appendValues(log, "interrupted");
                log.flushUpTo(offset + 1);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }

            assertThat(log.isFailed()).isFalse();
            appendValues(log, "after");
            log.flushUpTo(3);
            assertThat(values(readAll(log))).containsExactly("before", "interrupted", "after");
        }
    }

    @Test
    void interruptsDuringWritesLoseNoAcknowledgedRecord() throws Exception {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(64 * 1024);
        Map<Long, String> appended = new ConcurrentHashMap<>();
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        List<String> interruptedSends = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        try (PartitionLog log = open(directory, config, FileIO.standard(), budget)) {
            Thread sender = new Thread(() -> {
                started.countDown();
                for (int i = 0; !stop.get(); i++) {
                    String value = "value-" + i;
                    try {
                        long offset = log.append(List.of(record(value)), TIMESTAMP);
                        appended.put(offset, value);
                        log.flushUpTo(offset + 1);
                        acknowledged.add(offset);
                    } catch (LucidStorageException e) {
                        // Preparing file space or sealing a segment on this thread was
                        // interrupted: the record has no offset, or is not acknowledged.
                        interruptedSends.add(e.getMessage());
                    }
                    Thread.interrupted();
                }
            }, "interrupted-sender");
            sender.start();
            started.await();
            for (int i = 0; i < 2000; i++) {
                sender.interrupt();
                LockSupport.parkNanos(20_000);
            }
            stop.set(true);
            sender.join();

            assertThat(log.isFailed()).isFalse();
            assertThat(appended).hasSize((int) log.endOffset());
            assertThat(acknowledged).isNotEmpty();
            assertThat(log.flushedOffset())
                    .isGreaterThan(acknowledged.get(acknowledged.size() - 1));
            assertThat(interruptedSends).allMatch(message -> message.endsWith(
                    "was interrupted; the log stays usable"));
        }

        try (PartitionLog reopened = LogTestSupport.open(directory, config)) {
            List<ConsumerRecord> records = readAll(reopened);
            assertThat(records).hasSize(appended.size());
            appended.forEach((offset, value) ->
                    assertThat(records.get(offset.intValue()).valueAsString()).isEqualTo(value));
        }
    }

    @Test
    void failedChannelWriteFailsLog() {
        WriteChannelBudget budget = new WriteChannelBudget(1);
        LogConfig config = LogTestSupport.config(1024 * 1024);
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (PartitionLog log = open(directory, config, fileIO, budget)) {
            appendValues(log, "a");
            log.flushUpTo(1);
            fileIO.failNth(Operation.WRITE, 1);

            assertThatThrownBy(() -> appendValues(log, "b"))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining("No space left on device");
            assertThat(log.isFailed()).isTrue();
            assertThatThrownBy(() -> appendValues(log, "c"))
                    .isInstanceOf(PartitionFailedException.class);
        }
        assertThat(budget.freePlaces()).isEqualTo(1);
        try (PartitionLog reopened = LogTestSupport.open(directory, config)) {
            assertThat(values(readAll(reopened))).containsExactly("a");
        }
    }

    @Test
    void budgetRejectsNegativePlaces() {
        assertThatThrownBy(() -> new WriteChannelBudget(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("places must be at least 0, but was -1");
        assertThat(new WriteChannelBudget(3).places()).isEqualTo(3);
    }
}
