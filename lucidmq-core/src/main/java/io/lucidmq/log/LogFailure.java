package io.lucidmq.log;

import io.lucidmq.PartitionFailedException;
import io.lucidmq.TopicPartition;
import java.io.IOException;

/**
 * The cause of a partition log's failed state.
 *
 * @param operation the failed operation with its file and offset
 * @param cause the I/O error
 */
record LogFailure(String operation, IOException cause) {

    /** Returns the exception that later appends and flushes raise. */
    PartitionFailedException toException(TopicPartition topicPartition) {
        return new PartitionFailedException("partition " + topicPartition + " rejects writes "
                + "because " + operation + " failed: " + cause + "; reopen the directory to "
                + "recover the partition from its log", cause);
    }
}
