package io.lucidmq.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFileCacheTest {

    @TempDir
    Path directory;

    private List<Path> files(int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Files.write(directory.resolve("f" + i), new byte[] {(byte) i}));
        }
        return files;
    }

    @Test
    void idleChannelsAreCappedLeastRecentFirst() throws IOException {
        List<Path> files = files(5);
        try (SegmentFileCache cache = new SegmentFileCache(2)) {
            for (Path file : files) {
                cache.acquire(file).close();
            }

            assertThat(cache.openFileCount()).isEqualTo(2);
            try (SegmentFileCache.Lease lease = cache.acquire(files.get(4))) {
                ByteBuffer one = ByteBuffer.allocate(1);
                lease.channel().read(one, 0);
                assertThat(one.get(0)).isEqualTo((byte) 4);
            }
        }
    }

    @Test
    void leasedChannelSurvivesEvictionAndInvalidation() throws IOException {
        List<Path> files = files(3);
        try (SegmentFileCache cache = new SegmentFileCache(1)) {
            SegmentFileCache.Lease held = cache.acquire(files.get(0));
            cache.acquire(files.get(1)).close();
            cache.invalidate(files.get(0));
            Files.delete(files.get(0));

            ByteBuffer one = ByteBuffer.allocate(1);
            assertThat(held.channel().read(one, 0)).isEqualTo(1);
            held.close();
            assertThat(held.channel().isOpen()).isFalse();
            assertThatThrownBy(() -> cache.acquire(files.get(0)))
                    .isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void closedCacheRejectsAcquire() throws IOException {
        Path file = files(1).get(0);
        SegmentFileCache cache = new SegmentFileCache(4);
        cache.close();

        assertThatThrownBy(() -> cache.acquire(file)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SegmentFileCache(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxOpenFiles must be at least 1, but was 0");
    }
}
