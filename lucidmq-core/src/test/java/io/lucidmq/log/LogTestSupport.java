package io.lucidmq.log;

import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** Shared helpers of the partition log tests. */
final class LogTestSupport {

    static final TopicPartition PARTITION = new TopicPartition("orders", 0);

    static final long TIMESTAMP = 1_700_000_000_000L;

    private LogTestSupport() {
    }

    /** Returns a configuration with {@code segmentBytes} and 1 KiB maximum records. */
    static LogConfig config(int segmentBytes) {
        return new LogConfig(segmentBytes, 1024, LogConfig.DEFAULT_INDEX_INTERVAL_BYTES, 16);
    }

    static LogConfig config(int segmentBytes, int indexIntervalBytes) {
        return new LogConfig(segmentBytes, 1024, indexIntervalBytes, 16);
    }

    static PartitionLog open(Path directory, LogConfig config) {
        return PartitionLog.open(directory, PARTITION, config, FileIO.standard(), false);
    }

    static PartitionLog openReadOnly(Path directory, LogConfig config) {
        return PartitionLog.open(directory, PARTITION, config, FileIO.standard(), true);
    }

    static ProducerRecord record(String value) {
        return ProducerRecord.builder(PARTITION.topic()).key("k-" + value).value(value).build();
    }

    /** Appends one single-record batch per value and returns the offset of the first. */
    static long appendValues(PartitionLog log, String... values) {
        long first = -1;
        for (String value : values) {
            long offset = log.append(List.of(record(value)), TIMESTAMP);
            first = first < 0 ? offset : first;
        }
        return first;
    }

    /** Waits for {@code latch}, keeping an interrupt that arrives meanwhile for later. */
    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads every record from the start offset to the end offset. */
    static List<ConsumerRecord> readAll(PartitionLog log) {
        List<ConsumerRecord> records = new ArrayList<>();
        long offset = log.startOffset();
        while (offset < log.endOffset()) {
            List<ConsumerRecord> batch = log.read(offset, 1000, 1 << 20);
            records.addAll(batch);
            offset = batch.get(batch.size() - 1).offset() + 1;
        }
        return records;
    }

    static List<String> values(List<ConsumerRecord> records) {
        return records.stream().map(ConsumerRecord::valueAsString).toList();
    }

    /**
     * Copies the files of a log that is still open, as a crash would leave them: with the
     * preallocated tail, without the clean-shutdown marker, with indexes as last written.
     */
    static Path crashCopy(Path directory, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path logFile(Path directory, long baseOffset) {
        return SegmentFiles.logFile(directory, baseOffset);
    }

    /** Returns the end of the valid data of a log file: the position of its first zero length. */
    static long validEnd(Path logFile) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            int position = 0;
            while (position + 12 <= bytes.length) {
                int length = buffer.getInt(position + BatchDescriptor.BATCH_LENGTH_OFFSET);
                if (length == 0) {
                    break;
                }
                position += length;
            }
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the byte positions of the batches in a log file, up to its valid end. */
    static List<Integer> batchPositions(Path logFile) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            List<Integer> positions = new ArrayList<>();
            int position = 0;
            while (position + 12 <= bytes.length) {
                int length = buffer.getInt(position + BatchDescriptor.BATCH_LENGTH_OFFSET);
                if (length == 0) {
                    break;
                }
                positions.add(position);
                position += length;
            }
            return positions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void flipByte(Path file, long position) {
        try (var channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).position(0);
            channel.write(one, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void truncate(Path file, long size) {
        try (var channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
