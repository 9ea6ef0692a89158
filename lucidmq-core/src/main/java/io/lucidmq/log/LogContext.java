package io.lucidmq.log;

import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import java.nio.file.Path;

/**
 * What every part of one partition log shares: where it lives, its settings and its file
 * access.
 *
 * @param directory the partition directory
 * @param topicPartition the partition, for messages
 * @param config the log settings
 * @param fileIO every write, force, truncation, rename, creation and deletion goes through it
 * @param readOnly whether the log never writes
 * @param fileCache the read channels of segment files
 */
record LogContext(Path directory, TopicPartition topicPartition, LogConfig config,
        FileIO fileIO, boolean readOnly, SegmentFileCache fileCache) {
}
