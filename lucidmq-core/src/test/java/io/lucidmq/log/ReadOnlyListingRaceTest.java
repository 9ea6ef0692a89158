package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.openReadOnly;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only log beside a writer that rolls small segments quickly, renaming each prepared
 * spare file into place. A directory listing that runs while segment files are created may
 * miss one and still return a later one. The reader must then find the missed segment
 * instead of reporting its offsets missing.
 */
class ReadOnlyListingRaceTest {

    private static final LogConfig SMALL_SEGMENTS = LogTestSupport.config(4096);

    @TempDir
    Path directory;

    @Test
    void missedListingEntryIsOpened() throws Exception {
        try (PartitionLog writer = open(directory, SMALL_SEGMENTS)) {
            appendUntilSegments(writer, 5);
        }
        List<Long> listed = new ArrayList<>(SegmentFiles.listBaseOffsets(directory));
        long missed = listed.remove(2);
        LogLoader loader = new LogLoader(new LogContext(directory, PARTITION, SMALL_SEGMENTS,
                FileIO.standard(), true, new SegmentFileCache(16)));

        List<Segment> opened = loader.openReadOnly(listed);

        assertThat(opened).extracting(Segment::baseOffset)
                .containsExactlyElementsOf(SegmentFiles.listBaseOffsets(directory));
        assertThat(opened).extracting(Segment::baseOffset).contains(missed);
        for (int i = 0; i < opened.size() - 1; i++) {
            assertThat(opened.get(i).nextOffset()).isEqualTo(opened.get(i + 1).baseOffset());
        }
    }

    @Test
    void readerBesideRollingWriterSeesEveryOffset() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog writer = PartitionLog.open(directory, PARTITION, SMALL_SEGMENTS,
                        FileIO.standard(), false, null, workers)) {
            appendUntilSegments(writer, 2);
            Thread writing = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        writer.append(List.of(record(700)), TIMESTAMP);
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "rolling-writer");
            writing.start();
            long next = 0;
            try (PartitionLog reader = openReadOnly(directory, SMALL_SEGMENTS)) {
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < deadline) {
                    reader.refresh();
                    while (next < reader.endOffset()) {
                        for (ConsumerRecord record : reader.read(next, 500, 1 << 20)) {
                            assertThat(record.offset()).isEqualTo(next);
                            next++;
                        }
                    }
                }
            } finally {
                stop.set(true);
                writing.join();
            }
            assertThat(writerFailure.get()).isNull();
            assertThat(next).isGreaterThan(100);
        }
    }

    private static void appendUntilSegments(PartitionLog log, int segments) {
        while (log.segmentCount() < segments) {
            log.append(List.of(record(700)), TIMESTAMP);
        }
    }

    private static ProducerRecord record(int valueBytes) {
        return ProducerRecord.builder(PARTITION.topic()).value(new byte[valueBytes]).build();
    }
}
