package io.lucidmq.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelLogRoundTripTest {

    @TempDir
    Path directory;

    @Test
    void readerReturnsValuesAcrossSegments() {
        byte[] value = Payloads.value(1000);
        try (ChannelLogWriter writer = ChannelLogWriter.create(directory, 10_000, 4096)) {
            for (int i = 0; i < 95; i++) {
                writer.append(value);
            }
        }
        List<byte[]> read = new ArrayList<>();

        long count = new ChannelLogReader(directory, 4096).readAll(read::add);

        assertThat(count).isEqualTo(95);
        assertThat(read).hasSize(95).allSatisfy(bytes -> assertThat(bytes).isEqualTo(value));
        assertThat(Files.exists(FramedSegments.segmentPath(directory, 1))).isTrue();
    }

    @Test
    void forcedAppendsAreReadBack() {
        byte[] value = Payloads.value(100);
        try (ChannelLogWriter writer = ChannelLogWriter.create(directory, 1 << 20,
                FramedSegments.frameBytes(100))) {
            writer.appendAndForce(value);
            writer.appendAndForce(value);
        }

        long count = new ChannelLogReader(directory, 4096).readAll(bytes -> { });

        assertThat(count).isEqualTo(2);
    }

    @Test
    void mappedWriterRollsOnOverflow() {
        try (MappedLogWriter writer = MappedLogWriter.create(directory, 4096)) {
            for (int i = 0; i < 5; i++) {
                writer.append(Payloads.value(1000));
            }
        }

        assertThat(Files.exists(FramedSegments.segmentPath(directory, 1))).isTrue();
        assertThat(Files.exists(FramedSegments.segmentPath(directory, 2))).isFalse();
    }

    @Test
    void payloadsOfEqualSizeAreEqual() {
        assertThat(Payloads.value(64)).isEqualTo(Payloads.value(64)).hasSize(64);
    }
}
