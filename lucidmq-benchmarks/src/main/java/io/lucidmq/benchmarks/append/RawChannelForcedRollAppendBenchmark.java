package io.lucidmq.benchmarks.append;

import io.lucidmq.benchmarks.support.ChannelLogWriter;
import io.lucidmq.benchmarks.support.FramedSegments;
import java.nio.file.Path;

/**
 * The raw {@code FileChannel} appends of {@link RawChannelAppendBenchmark} with the disk work
 * of LucidMQ's durability OS added: each full 64 MiB segment is forced on a background thread
 * while the appends go on. It shows how much of the gap to the writer that never forces is the
 * cost of putting the data on the disk. The close at the end of an iteration waits for the
 * forces and is not measured.
 */
public class RawChannelForcedRollAppendBenchmark extends RawChannelAppendBenchmark {

    @Override
    protected ChannelLogWriter createWriter(Path directory) {
        return ChannelLogWriter.createForcingRolls(directory,
                FramedSegments.DEFAULT_SEGMENT_BYTES, BATCH_BYTES);
    }
}
