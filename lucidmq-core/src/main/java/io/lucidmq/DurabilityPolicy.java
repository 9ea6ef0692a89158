package io.lucidmq;

/**
 * When appended records are forced from the operating system's page cache to the disk, and so
 * what an acknowledged send survives.
 *
 * <p>Every policy survives a crash of the process: once a send is acknowledged its bytes are in
 * the operating system's page cache, and the next open recovers them. The policies differ on a
 * power loss or a crash of the operating system.
 */
public enum DurabilityPolicy {

    /**
     * Force before every acknowledgement. A send completes only after its record, and every
     * record before it in the partition, has been forced to the disk, so an acknowledged record
     * survives a power loss. Concurrent sends to one partition share one force (group commit).
     */
    SYNC,

    /**
     * Force every {@link LucidConfig#forceInterval()}. A send completes once it is written to
     * the page cache; on a power loss the records of up to one interval may be lost.
     */
    INTERVAL,

    /**
     * Never force while running, only on a clean close and on a segment roll. The operating
     * system writes the page cache back when it chooses; on a power loss any record written
     * since the last close or roll may be lost.
     */
    OS
}
