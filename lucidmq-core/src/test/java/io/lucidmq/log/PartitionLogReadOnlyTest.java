package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.openReadOnly;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogReadOnlyTest {

    @TempDir
    Path directory;

    @Test
    void refreshSeesAppendsRollsAndDeletions() {
        int batchSize = BatchEncoder.encode(List.of(LogTestSupport.record("v0")), TIMESTAMP,
                1024, "test").sizeInBytes();
        LogConfig config = LogTestSupport.config(2 * batchSize);
        try (PartitionLog writer = open(directory, config);
                PartitionLog reader = openReadOnly(directory, config)) {
            assertThat(reader.endOffset()).isZero();
            appendValues(writer, "v0");

            assertThat(reader.endOffset()).isZero();
            reader.refresh();
            assertThat(values(readAll(reader))).containsExactly("v0");

            appendValues(writer, "v1", "v2", "v3", "v4");
            reader.refresh();
            assertThat(reader.segmentCount()).isEqualTo(3);
            assertThat(values(readAll(reader))).containsExactly("v0", "v1", "v2", "v3", "v4");
            assertThat(reader.offsetForTimestamp(TIMESTAMP)).hasValue(0);

            writer.applyRetention(batchSize, -1, TIMESTAMP);
            reader.refresh();
            assertThat(reader.startOffset()).isEqualTo(4);
            assertThat(values(readAll(reader))).containsExactly("v4");
        }
    }

    @Test
    void readOnlyLogNeverWrites() throws IOException {
        Path live = directory.resolve("live");
        try (PartitionLog writer = open(live, LogTestSupport.config(64 * 1024))) {
            appendValues(writer, "a", "b");
            Path copy = LogTestSupport.crashCopy(live, directory.resolve("copy"));
            LogTestSupport.truncate(LogTestSupport.logFile(copy, 0),
                    LogTestSupport.validEnd(LogTestSupport.logFile(copy, 0)) - 3);
            List<String> before = listing(copy);
            long sizeBefore = Files.size(LogTestSupport.logFile(copy, 0));

            try (PartitionLog reader = openReadOnly(copy, LogTestSupport.config(64 * 1024))) {
                assertThat(values(readAll(reader))).containsExactly("a");
                assertThatThrownBy(() -> appendValues(reader, "c"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("read-only");
                assertThatThrownBy(() -> reader.applyRetention(0, -1, 0))
                        .isInstanceOf(IllegalStateException.class);
            }

            assertThat(listing(copy)).isEqualTo(before);
            assertThat(Files.size(LogTestSupport.logFile(copy, 0))).isEqualTo(sizeBefore);
        }
    }

    @Test
    void missingDirectoryReadsAsEmpty() {
        try (PartitionLog reader = openReadOnly(directory.resolve("absent"),
                LogTestSupport.config(1024))) {
            assertThat(reader.endOffset()).isZero();
            assertThat(reader.read(0, 1, 1)).isEmpty();
            reader.refresh();
        }
        assertThat(directory.resolve("absent")).doesNotExist();
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
