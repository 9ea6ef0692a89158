package io.lucidmq.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded set of read-only channels to segment log files, opened on first use and closed
 * least-recently-used first once more than {@code maxOpenFiles} are open. One cache may serve
 * every partition log of an instance, so that the number of open files stays bounded however
 * many partitions and segments there are.
 *
 * <p>Readers {@link #acquire} a lease and close it after the read. A leased channel is never
 * closed by eviction or {@link #invalidate}; it closes when its last lease ends. So while
 * every channel is leased the cache may briefly hold more than {@code maxOpenFiles}.
 *
 * <p>Thread-safe: every method synchronizes on the cache. Opening a channel for reading does
 * not change the disk, so it does not go through {@link io.lucidmq.io.FileIO}.
 */
public final class SegmentFileCache implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SegmentFileCache.class);

    private final int maxOpenFiles;
    /**
     * The number of idle channels kept open: {@link #maxOpenFiles}, lowered when opening a
     * channel finds the process out of file descriptors, so that reads leave descriptors to
     * the rest of the process. Guarded by the cache's monitor.
     */
    private int keptOpenFiles;
    private final Map<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /**
     * Creates an empty cache.
     *
     * @param maxOpenFiles the number of channels kept open at most while some are idle; at
     *     least 1
     */
    public SegmentFileCache(int maxOpenFiles) {
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException(
                    "maxOpenFiles must be at least 1, but was " + maxOpenFiles);
        }
        this.maxOpenFiles = maxOpenFiles;
        this.keptOpenFiles = maxOpenFiles;
    }

    /**
     * Leases a read channel to {@code file}, opening it if needed; a channel that an interrupt
     * closed is replaced by a new one.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IllegalStateException if the cache is closed
     */
    public synchronized Lease acquire(Path file) throws IOException {
        if (closed) {
            throw new IllegalStateException("segment file cache is closed");
        }
        Entry entry = entries.get(file);
        if (entry != null && !entry.channel.isOpen()) {
            detach(entry);
            entry = null;
        }
        if (entry == null) {
            entry = new Entry(file, open(file));
            entries.put(file, entry);
            evictIdle();
        }
        entry.leases++;
        return new Lease(entry);
    }

    /**
     * Drops the channel to {@code file}, for a file that was deleted or replaced; it closes now
     * or when its last lease ends.
     */
    public synchronized void invalidate(Path file) {
        Entry entry = entries.get(file);
        if (entry != null) {
            detach(entry);
        }
    }

    /** The number of channels currently open. */
    public synchronized int openFileCount() {
        return entries.size();
    }

    /** The maximum number of idle channels kept open. */
    public int maxOpenFiles() {
        return maxOpenFiles;
    }

    /** Closes every idle channel and rejects later acquisitions; leased ones close on release. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Entry entry : entries.values().toArray(new Entry[0])) {
            detach(entry);
        }
    }

    private synchronized void release(Entry entry) {
        entry.leases--;
        if (entry.leases == 0 && entry.detached) {
            closeQuietly(entry);
        } else if (entries.size() > keptOpenFiles) {
            evictIdle();
        }
    }

    private void detach(Entry entry) {
        entries.remove(entry.path, entry);
        entry.detached = true;
        if (entry.leases == 0) {
            closeQuietly(entry);
        }
    }

    /**
     * Opens a read channel to {@code file}. When the process has no file descriptor left, the
     * cache keeps at most half of the channels it has open from then on, closes the idle ones
     * above that, and tries once more.
     */
    private FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (FileSystemException e) {
            if (!isOutOfDescriptors(e) || entries.isEmpty()) {
                throw e;
            }
            shedAfterRunningOut(file, e);
            return FileChannel.open(file, StandardOpenOption.READ);
        }
    }

    /**
     * Lowers the number of channels kept open to half of those open now and closes the idle
     * ones above that, after opening {@code file} (by this cache or by a writer of the
     * instance) found the process out of file descriptors.
     *
     * @return whether any channel was closed
     */
    synchronized boolean shedAfterRunningOut(Path file, FileSystemException failure) {
        int before = entries.size();
        if (before == 0) {
            return false;
        }
        int lowered = Math.max(1, Math.min(keptOpenFiles, before / 2));
        LOGGER.warn("Opening {} failed with {} open read channels: {}; keeping at most {} "
                + "open from now on, below maxOpenSegmentFiles {}. Raise the open-file limit "
                + "or lower maxOpenSegmentFiles", file, before, failure.getReason(), lowered,
                maxOpenFiles);
        keptOpenFiles = lowered;
        evictIdle();
        return entries.size() < before;
    }

    /** Returns whether {@code e} reports that the process has no file descriptor left. */
    static boolean isOutOfDescriptors(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && reason.contains("Too many open files");
    }

    private void evictIdle() {
        Iterator<Entry> leastRecentFirst = entries.values().iterator();
        while (entries.size() > keptOpenFiles && leastRecentFirst.hasNext()) {
            Entry entry = leastRecentFirst.next();
            if (entry.leases == 0) {
                leastRecentFirst.remove();
                entry.detached = true;
                closeQuietly(entry);
            }
        }
    }

    private static void closeQuietly(Entry entry) {
        try {
            entry.channel.close();
        } catch (IOException e) {
            // A read-only channel holds no unwritten data, so a failed close loses nothing.
            LOGGER.debug("Closing read channel of {} failed", entry.path, e);
        }
    }

    private static final class Entry {
        final Path path;
        final FileChannel channel;
        int leases;
        boolean detached;

        Entry(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }
    }

    /** A lease on one read channel; close it once the read is done. Not thread-safe. */
    public final class Lease implements AutoCloseable {

        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        /** The leased channel, positioned reads only. */
        public FileChannel channel() {
            return entry.channel;
        }

        /** Ends the lease. Idempotent. */
        @Override
        public void close() {
            if (!released) {
                released = true;
                release(entry);
            }
        }
    }
}
