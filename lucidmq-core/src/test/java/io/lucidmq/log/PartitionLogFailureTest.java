package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.io.FileIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogFailureTest {

    @TempDir
    Path directory;

    private PartitionLog open(FaultInjectingFileIO fileIO, LogConfig config) {
        return PartitionLog.open(directory, PARTITION, config, fileIO, false);
    }

    @Test
    void failedForceFailsLogUntilReopen() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        PartitionLog log = open(fileIO, LogTestSupport.config(64 * 1024));
        appendValues(log, "a", "b");
        fileIO.failNth(Operation.FORCE, 1);

        assertThatThrownBy(() -> log.flushUpTo(2))
                .isInstanceOf(LucidStorageException.class)
                .hasMessageContaining("No space left on device");
        assertThat(log.isFailed()).isTrue();
        assertThat(log.flushedOffset()).isZero();
        assertThatThrownBy(() -> appendValues(log, "c"))
                .isInstanceOf(PartitionFailedException.class)
                .hasMessageContaining("force")
                .hasMessageContaining("reopen the directory");
        assertThatThrownBy(() -> log.flushUpTo(2)).isInstanceOf(PartitionFailedException.class);
        assertThat(values(readAll(log))).containsExactly("a", "b");
        log.close();
        assertThat(directory.resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE)).doesNotExist();

        try (PartitionLog reopened = LogTestSupport.open(directory,
                LogTestSupport.config(64 * 1024))) {
            assertThat(values(readAll(reopened))).containsExactly("a", "b");
            assertThat(appendValues(reopened, "c")).isEqualTo(2);
        }
    }

    @Test
    void diskFullOnPreallocationRejectsAppend() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        LogConfig config = LogTestSupport.config(1024 * 1024);
        PartitionLog log = open(fileIO, config);
        fileIO.failFrom(Operation.WRITE, 1);

        assertThatThrownBy(() -> appendValues(log, "a"))
                .isInstanceOf(LucidStorageException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining(SegmentFiles.logFile(directory, 0).toString());
        assertThat(log.endOffset()).isZero();
        assertThatThrownBy(() -> appendValues(log, "b"))
                .isInstanceOf(PartitionFailedException.class);
        log.close();

        fileIO.clearFaults();
        try (PartitionLog reopened = open(fileIO, config)) {
            assertThat(reopened.endOffset()).isZero();
            assertThat(appendValues(reopened, "c")).isZero();
        }
    }

    @Test
    void failedRollKeepsSealedRecords() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        int batchSize = BatchEncoder.encode(List.of(LogTestSupport.record("v0")), TIMESTAMP,
                1024, "test").sizeInBytes();
        LogConfig config = LogTestSupport.config(2 * batchSize);
        PartitionLog log = open(fileIO, config);
        appendValues(log, "v0", "v1");
        fileIO.failNth(Operation.OPEN, 1);

        assertThatThrownBy(() -> appendValues(log, "v2"))
                .isInstanceOf(LucidStorageException.class);
        assertThat(log.isFailed()).isTrue();
        log.close();

        fileIO.clearFaults();
        try (PartitionLog reopened = open(fileIO, config)) {
            assertThat(values(readAll(reopened))).containsExactly("v0", "v1");
            assertThat(appendValues(reopened, "v2")).isEqualTo(2);
        }
    }

    @Test
    void everyFailurePointOfCloseLeavesRecoverableLog() {
        LogConfig config = LogTestSupport.config(64 * 1024);
        for (Operation operation : List.of(Operation.FORCE, Operation.TRUNCATE,
                Operation.WRITE, Operation.MOVE, Operation.FORCE_DIRECTORY)) {
            Path partition = directory.resolve(operation.name());
            FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
            PartitionLog log = PartitionLog.open(partition, PARTITION, config, fileIO, false);
            appendValues(log, "a", "b");
            fileIO.failFrom(operation, 1);

            assertThatThrownBy(log::close).as(operation.name())
                    .isInstanceOf(LucidStorageException.class);

            try (PartitionLog reopened = LogTestSupport.open(partition, config)) {
                assertThat(values(readAll(reopened))).as(operation.name())
                        .containsExactly("a", "b");
            }
        }
    }

    @Test
    void pendingInterruptDoesNotStopRoll() throws Exception {
        LogConfig config = LogTestSupport.config(4096);
        List<String> appended = new ArrayList<>();
        try (PartitionLog log = LogTestSupport.open(directory, config)) {
            for (int i = 0; log.sizeInBytes() < 4096 - 700; i++) {
                appendValues(log, "small-" + i);
                appended.add("small-" + i);
            }
            String large = "large-" + "x".repeat(400);
            Thread.currentThread().interrupt();
            try {
                // Does not fit: rolls, and prepares the new segment's file space.
                appendValues(log, large);
                appended.add(large);
                log.flushUpTo(log.endOffset());

                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(log.segmentCount()).isEqualTo(2);
            for (int i = 0; i < 100; i++) {
                appendValues(log, "after-" + i);
                appended.add("after-" + i);
            }
            assertThat(log.isFailed()).isFalse();
        }

        assertThat(PartitionVerifier.verifyPartition(directory)).isEmpty();
        try (PartitionLog reopened = LogTestSupport.open(directory, config)) {
            assertThat(values(readAll(reopened))).containsExactlyElementsOf(appended);
        }
    }

    @Test
    void writerOpensWithPendingInterrupt() throws Exception {
        Path file = directory.resolve(SegmentFiles.SPARE_FILE);
        Thread.currentThread().interrupt();
        try (SegmentWriter writer = new SegmentWriter(file, FileIO.standard(), 4096, null,
                null)) {
            assertThat(writer.file()).exists();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
