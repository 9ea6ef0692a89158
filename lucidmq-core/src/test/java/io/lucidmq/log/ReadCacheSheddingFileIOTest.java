package io.lucidmq.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.io.FileIO;
import io.lucidmq.io.ForwardingFileIO;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCacheSheddingFileIOTest {

    private static final Set<StandardOpenOption> WRITE =
            EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    @TempDir
    Path directory;

    @Test
    void outOfDescriptorsShedsIdleChannelsAndRetries() throws Exception {
        SegmentFileCache cache = cacheWithIdleChannels(8);
        AtomicInteger failuresLeft = new AtomicInteger(1);
        FileIO io = new ReadCacheSheddingFileIO(failingOpens(failuresLeft, "Too many open files"),
                cache);

        try (FileChannel channel = io.open(directory.resolve("segment.log"), WRITE)) {
            assertThat(channel.isOpen()).isTrue();
        }
        assertThat(cache.openFileCount()).isEqualTo(4);
        cache.close();
    }

    @Test
    void otherFailureIsRethrownWithoutShedding() throws Exception {
        SegmentFileCache cache = cacheWithIdleChannels(8);
        FileIO io = new ReadCacheSheddingFileIO(failingOpens(new AtomicInteger(1),
                "Permission denied"), cache);

        assertThatThrownBy(() -> io.open(directory.resolve("segment.log"), WRITE))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Permission denied");
        assertThat(cache.openFileCount()).isEqualTo(8);
        cache.close();
    }

    @Test
    void emptyCacheRethrowsOutOfDescriptors() {
        SegmentFileCache cache = new SegmentFileCache(16);
        FileIO io = new ReadCacheSheddingFileIO(failingOpens(new AtomicInteger(1),
                "Too many open files"), cache);

        assertThatThrownBy(() -> io.open(directory.resolve("segment.log"), WRITE))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Too many open files");
        cache.close();
    }

    /** Returns a cache holding {@code count} idle channels to files in the directory. */
    private SegmentFileCache cacheWithIdleChannels(int count) throws IOException {
        SegmentFileCache cache = new SegmentFileCache(64);
        for (int i = 0; i < count; i++) {
            Path file = Files.writeString(directory.resolve(i + ".log"), "batch");
            cache.acquire(file).close();
        }
        assertThat(cache.openFileCount()).isEqualTo(count);
        return cache;
    }

    /** Returns the standard file I/O with its first {@code failures} opens failing. */
    private static FileIO failingOpens(AtomicInteger failures, String reason) {
        return new ForwardingFileIO() {
            @Override
            public FileChannel open(Path path, Set<? extends OpenOption> options)
                    throws IOException {
                if (failures.getAndDecrement() > 0) {
                    throw new FileSystemException(path.toString(), null, reason);
                }
                return super.open(path, options);
            }
        };
    }
}
