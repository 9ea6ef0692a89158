package io.lucidmq.io;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * File operations that pass every call to another {@link FileIO}, for wrappers and tests that
 * change one or two of them by overriding. Thread-safe when the other {@code FileIO} and the
 * overrides are.
 */
public class ForwardingFileIO implements FileIO {

    private final FileIO delegate;

    /** Creates file operations that pass every call to {@link FileIO#standard()}. */
    public ForwardingFileIO() {
        this(FileIO.standard());
    }

    /** Creates file operations that pass every call to {@code delegate}. */
    public ForwardingFileIO(FileIO delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException {
        return delegate.open(path, options);
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        delegate.atomicMove(source, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        delegate.forceDirectory(directory);
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
}
