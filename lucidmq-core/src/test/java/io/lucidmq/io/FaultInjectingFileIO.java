package io.lucidmq.io;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link FileIO} for tests that counts every operation by kind and fails chosen ones with an
 * {@link IOException}, for example to run a scenario once per possible failure point:
 *
 * <pre>{@code
 * FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
 * fileIO.failNth(Operation.FORCE, 3);          // the third force from now fails
 * fileIO.failFrom(Operation.WRITE, 1);         // every write from now on fails
 * }</pre>
 *
 * <p>Channels that {@link #open} returns route their writes, truncations and forces through
 * the same counters. A fault counts only the calls after it was armed that match its kind
 * and, optionally, a path filter. Thread-safe.
 */
public final class FaultInjectingFileIO implements FileIO {

    /** The default message of injected failures, as a full disk reports it. */
    public static final String NO_SPACE = "No space left on device";

    /** The kinds of operation that can be counted and failed. */
    public enum Operation {
        /** {@link FileIO#open}. */
        OPEN,
        /** A write through a channel. */
        WRITE,
        /** A force of a channel or a mapping. */
        FORCE,
        /** A truncation through a channel. */
        TRUNCATE,
        /** {@link FileIO#atomicMove}. */
        MOVE,
        /** {@link FileIO#deleteIfExists}. */
        DELETE,
        /** {@link FileIO#forceDirectory}. */
        FORCE_DIRECTORY,
        /** {@link FileIO#createDirectories}. */
        CREATE_DIRECTORIES
    }

    private final FileIO delegate;
    private final Map<Operation, AtomicLong> counts = new EnumMap<>(Operation.class);
    private final List<Fault> faults = new ArrayList<>();

    /** Creates an instance over {@link FileIO#standard()}. */
    public FaultInjectingFileIO() {
        this(FileIO.standard());
    }

    /** Creates an instance over {@code delegate}. */
    public FaultInjectingFileIO(FileIO delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        for (Operation operation : Operation.values()) {
            counts.put(operation, new AtomicLong());
        }
    }

    /** Makes the {@code n}-th call of {@code operation} from now fail, once. */
    public FaultInjectingFileIO failNth(Operation operation, int n) {
        return addFault(operation, n, false, null, NO_SPACE);
    }

    /** Makes the {@code n}-th call of {@code operation} from now and every later one fail. */
    public FaultInjectingFileIO failFrom(Operation operation, int n) {
        return addFault(operation, n, true, null, NO_SPACE);
    }

    /**
     * Makes calls of {@code operation} on paths matching {@code paths} fail with
     * {@code message}: the {@code n}-th one from now, and with {@code everyLater} each one
     * after it too. Forces of a memory mapping have no path and never match a filter.
     */
    public FaultInjectingFileIO fail(Operation operation, int n, boolean everyLater,
            Predicate<Path> paths, String message) {
        return addFault(operation, n, everyLater, paths, message);
    }

    /** Removes every armed fault; the counts go on. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** The number of calls of {@code operation} so far, failed ones included. */
    public long count(Operation operation) {
        return counts.get(operation).get();
    }

    private synchronized FaultInjectingFileIO addFault(Operation operation, int n,
            boolean everyLater, Predicate<Path> paths, String message) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, but was " + n);
        }
        faults.add(new Fault(operation, n, everyLater, paths, message));
        return this;
    }

    /** Counts one call and throws if an armed fault matches it. */
    void check(Operation operation, Path path) throws IOException {
        counts.get(operation).incrementAndGet();
        String message = null;
        synchronized (this) {
            for (Fault fault : faults) {
                boolean pathMatches = fault.paths == null
                        || (path != null && fault.paths.test(path));
                if (fault.operation == operation && pathMatches) {
                    fault.matched++;
                    boolean hit = fault.everyLater ? fault.matched >= fault.n
                            : fault.matched == fault.n;
                    if (hit && message == null) {
                        message = fault.message + " (injected " + operation + " failure on "
                                + path + ")";
                    }
                }
            }
        }
        if (message != null) {
            throw new IOException(message);
        }
    }

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options)
            throws IOException {
        check(Operation.OPEN, path);
        return new FaultInjectingFileChannel(delegate.open(path, options), path, this);
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        check(Operation.MOVE, target);
        delegate.atomicMove(source, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        check(Operation.FORCE_DIRECTORY, directory);
        delegate.forceDirectory(directory);
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        check(Operation.CREATE_DIRECTORIES, directory);
        delegate.createDirectories(directory);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        check(Operation.DELETE, path);
        return delegate.deleteIfExists(path);
    }

    @Override
    public void force(FileChannel channel, boolean metaData) throws IOException {
        if (channel instanceof FaultInjectingFileChannel wrapped) {
            wrapped.force(metaData);
        } else {
            check(Operation.FORCE, null);
            delegate.force(channel, metaData);
        }
    }

    @Override
    public void force(MappedByteBuffer mapping, int index, int length) throws IOException {
        check(Operation.FORCE, null);
        delegate.force(mapping, index, length);
    }

    private static final class Fault {
        final Operation operation;
        final int n;
        final boolean everyLater;
        final Predicate<Path> paths; // null matches every call
        final String message;
        int matched;

        Fault(Operation operation, int n, boolean everyLater, Predicate<Path> paths,
                String message) {
            this.operation = operation;
            this.n = n;
            this.everyLater = everyLater;
            this.paths = paths;
            this.message = message;
        }
    }
}
