package io.lucidmq.benchmarks.footprint;

import java.io.File;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * The heap, buffer-pool and file-descriptor use of this JVM at one moment, taken after full
 * garbage collections so that the heap figure counts only reachable objects.
 *
 * @param heapBytes used heap after collection
 * @param directBytes memory of direct byte buffers
 * @param mappedBytes memory of mapped byte buffers created through {@code FileChannel.map}
 * @param openFiles open file descriptors, from {@code /proc/self/fd}, or -1 where missing
 */
public record ResourceSnapshot(long heapBytes, long directBytes, long mappedBytes,
        long openFiles) {

    private static final int COLLECTIONS = 3;

    /** Collects garbage, then reads the figures. */
    public static ResourceSnapshot take() {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ResourceSnapshot(heap, bufferPool("direct"), bufferPool("mapped"),
                countOpenFiles());
    }

    private static long bufferPool(String name) {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals(name)) {
                return pool.getMemoryUsed();
            }
        }
        return 0;
    }

    private static long countOpenFiles() {
        String[] entries = new File("/proc/self/fd").list();
        return entries == null ? -1 : entries.length;
    }
}
