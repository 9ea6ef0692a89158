package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import io.lucidmq.io.ForwardingFileIO;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@link FileIO} of an instance's partition logs: another {@code FileIO} whose opens,
 * when they find the process out of file descriptors, make the instance's read cache close
 * idle channels and keep fewer from then on, then try once more. So descriptors that idle
 * read channels hold do not fail a force, a seal or the preparation of file space.
 * Thread-safe if the wrapped {@code FileIO} is.
 */
public final class ReadCacheSheddingFileIO extends ForwardingFileIO {

    private final SegmentFileCache readCache;

    /** Wraps {@code delegate}, shedding channels of {@code readCache} when needed. */
    public ReadCacheSheddingFileIO(FileIO delegate, SegmentFileCache readCache) {
        super(delegate);
        this.readCache = readCache;
    }

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException {
        try {
            return super.open(path, options);
        } catch (FileSystemException e) {
            if (!shed(path, e)) {
                throw e;
            }
            return super.open(path, options);
        }
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        try {
            super.forceDirectory(directory);
        } catch (FileSystemException e) {
            if (!shed(directory, e)) {
                throw e;
            }
            super.forceDirectory(directory);
        }
    }

    private boolean shed(Path path, FileSystemException failure) {
        return SegmentFileCache.isOutOfDescriptors(failure)
                && readCache.shedAfterRunningOut(path, failure);
    }
}
