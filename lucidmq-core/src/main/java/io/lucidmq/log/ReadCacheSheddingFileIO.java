package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@link FileIO} of an instance's partition logs: another {@code FileIO} whose opens,
 * when they find the process out of file descriptors, make the instance's read cache close
 * idle channels and keep fewer from then on, then try once more. So the descriptors that
 * reads hold do not fail a force, a seal or the preparation of file space. Thread-safe if
 * the wrapped {@code FileIO} is.
 */
public final class ReadCacheSheddingFileIO implements FileIO {

    private final FileIO delegate;
    private final SegmentFileCache readCache;

    /** Wraps {@code delegate}, shedding channels of {@code readCache} when needed. */
    public ReadCacheSheddingFileIO(FileIO delegate, SegmentFileCache readCache) {
        this.delegate = delegate;
        this.readCache = readCache;
    }

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException {
        try {
            return delegate.open(path, options);
        } catch (FileSystemException e) {
            if (!shed(path, e)) {
                throw e;
            }
            return delegate.open(path, options);
        }
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        delegate.atomicMove(source, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        try {
            delegate.forceDirectory(directory);
        } catch (FileSystemException e) {
            if (!shed(directory, e)) {
                throw e;
            }
            delegate.forceDirectory(directory);
        }
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        delegate.createDirectories(directory);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return delegate.deleteIfExists(path);
    }

    @Override
    public void force(FileChannel channel, boolean metaData) throws IOException {
        delegate.force(channel, metaData);
    }

    @Override
    public void force(MappedByteBuffer mapping, int index, int length) throws IOException {
        delegate.force(mapping, index, length);
    }

    private boolean shed(Path path, FileSystemException failure) {
        return SegmentFileCache.isOutOfDescriptors(failure)
                && readCache.shedAfterRunningOut(path, failure);
    }
}
