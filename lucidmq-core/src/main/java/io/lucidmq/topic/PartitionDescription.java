package io.lucidmq.topic;

/**
 * The state of one partition at the moment it was described.
 *
 * @param partition the partition number
 * @param startOffset the offset of the oldest retained record (equal to {@code endOffset} when
 *     the partition is empty)
 * @param endOffset the offset the next record will get
 * @param sizeInBytes the total size of the partition's segment files
 * @param segmentCount the number of segments, including the active one
 */
public record PartitionDescription(
        int partition, long startOffset, long endOffset, long sizeInBytes, int segmentCount) {

    /** The number of retained records. */
    public long recordCount() {
        return endOffset - startOffset;
    }
}
