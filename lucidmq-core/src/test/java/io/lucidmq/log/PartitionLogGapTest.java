package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.openReadOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lucidmq.CorruptRecordException;
import io.lucidmq.inspect.LogInspector;
import io.lucidmq.inspect.Problem;
import io.lucidmq.record.ConsumerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A partition whose middle segment files were deleted: open, reads and verification. */
class PartitionLogGapTest {

    private static final LogConfig CONFIG = LogTestSupport.config(64 * 1024);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private Path directory;
    private long gapStart;
    private long gapEnd;

    /** Writes 3000 records into 64 KiB segments, closes, deletes the second segment. */
    private void writeLogWithGap() throws IOException {
        directory = temp.resolve("orders-0");
        try (PartitionLog log = open(directory, CONFIG)) {
            for (int i = 0; i < 3000; i++) {
                LogTestSupport.appendValues(log, "value-" + i + "-" + "x".repeat(40));
            }
        }
        List<Long> baseOffsets = SegmentFiles.listBaseOffsets(directory);
        assertThat(baseOffsets).hasSizeGreaterThan(3);
        gapStart = baseOffsets.get(1);
        gapEnd = baseOffsets.get(2);
        Files.delete(SegmentFiles.logFile(directory, gapStart));
        Files.delete(SegmentFiles.indexFile(directory, gapStart));
        Files.delete(SegmentFiles.timeIndexFile(directory, gapStart));
    }

    private void assertGapError(PartitionLog log, long offset) {
        assertTimeoutPreemptively(TIMEOUT, () ->
                assertThatThrownBy(() -> log.read(offset, 100, 1 << 20))
                        .isInstanceOf(CorruptRecordException.class)
                        .hasMessageContaining(directory.toAbsolutePath().toString())
                        .hasMessageContaining("offsets " + gapStart + " to " + (gapEnd - 1)
                                + " are missing"));
    }

    /** Reads from offset 0 in batches of 100 and returns the offset where reading stopped. */
    private static long readUntilError(PartitionLog log) {
        long offset = 0;
        while (true) {
            List<ConsumerRecord> records;
            try {
                records = log.read(offset, 100, 1 << 20);
            } catch (CorruptRecordException e) {
                return offset;
            }
            assertThat(records.get(0).offset()).isEqualTo(offset);
            offset = records.get(records.size() - 1).offset() + 1;
        }
    }

    @Test
    void readStopsAtGapWithError() throws IOException {
        writeLogWithGap();

        try (PartitionLog log = open(directory, CONFIG)) {
            long stopped = assertTimeoutPreemptively(TIMEOUT, () -> readUntilError(log));

            assertThat(stopped).isEqualTo(gapStart);
            assertGapError(log, gapStart);
        }
    }

    @Test
    void readInsideGapRaisesError() throws IOException {
        writeLogWithGap();

        try (PartitionLog log = open(directory, CONFIG)) {
            assertGapError(log, gapStart + 1);
            assertGapError(log, gapEnd - 1);
            assertThat(log.read(gapEnd, 1, 1 << 20)).singleElement()
                    .extracting(ConsumerRecord::offset).isEqualTo(gapEnd);
        }
    }

    @Test
    void openLogsWarningNamingGap() throws IOException {
        writeLogWithGap();
        Logger logger = (Logger) LoggerFactory.getLogger(LogLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (PartitionLog log = open(directory, CONFIG)) {
            assertThat(log.endOffset()).isEqualTo(3000);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.contains("not dense"))
                .singleElement().asString()
                .contains(directory.toAbsolutePath().toString())
                .contains("ends at offset " + (gapStart - 1))
                .contains("next segment starts at offset " + gapEnd);
    }

    @Test
    void recoveryKeepsSegmentsAfterGap() throws IOException {
        writeLogWithGap();
        Files.delete(directory.resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE));

        try (PartitionLog log = open(directory, CONFIG)) {
            assertThat(log.endOffset()).isEqualTo(3000);
            assertGapError(log, gapStart);
            assertThat(LogTestSupport.appendValues(log, "after")).isEqualTo(3000);
            assertThat(log.read(2999, 2, 1 << 20)).extracting(ConsumerRecord::offset)
                    .containsExactly(2999L, 3000L);
        }
    }

    @Test
    void readOnlyReadRaisesGapError() throws IOException {
        writeLogWithGap();

        try (PartitionLog log = openReadOnly(directory, CONFIG)) {
            assertGapError(log, gapStart);
        }
    }

    @Test
    void verifyReportsMissingOffsets() throws IOException {
        writeLogWithGap();

        List<Problem> problems = LogInspector.verifyPartition(directory);

        assertThat(problems).singleElement().extracting(Problem::description).asString()
                .contains("offsets " + gapStart + " to " + (gapEnd - 1) + " are missing");
    }
}
