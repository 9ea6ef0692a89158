package io.lucidmq.cli.command;

import io.lucidmq.TopicPartition;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.output.RecordFormat;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.record.ConsumerRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The poll loop of {@code consume}: prints records until the partitions reach their stop
 * offsets, the record limit is reached, or {@link #requestStop()} is called. A group member
 * commits, after each poll, the offset after the last record printed from each partition, so
 * a record is committed only once it was printed.
 *
 * <p>Runs on one thread, and {@link #requestStop()} may be called from any thread.
 */
final class ConsumeLoop {

    /** The maximum wait of one poll; a stop request ends the wait at once. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    /** The maximum wait for a group member's first assignment when not following. */
    static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer consumer;
    private final RecordFormat format;
    private final PrintWriter out;
    private final long maxRecords;
    private final Map<TopicPartition, Long> stopOffsets;
    private volatile boolean stopRequested;
    private long printed;

    /**
     * Creates the loop.
     *
     * @param stopOffsets the offset of each partition at which to stop, or {@code null} to
     *     follow the partitions until stopped
     */
    ConsumeLoop(Consumer consumer, RecordFormat format, PrintWriter out, long maxRecords,
            Map<TopicPartition, Long> stopOffsets) {
        this.consumer = consumer;
        this.format = format;
        this.out = out;
        this.maxRecords = maxRecords;
        this.stopOffsets = stopOffsets == null ? null : Map.copyOf(stopOffsets);
    }

    /** Asks the loop to stop after the current poll. Thread-safe. */
    void requestStop() {
        stopRequested = true;
        consumer.wakeup();
    }

    /** Runs the loop and returns the number of records printed. */
    long run() {
        long assignmentDeadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
        while (!finished(assignmentDeadline)) {
            ConsumerRecords records = consumer.poll(POLL_TIMEOUT);
            Map<TopicPartition, Long> printedUpTo = print(records);
            if (consumer.groupId() != null && !printedUpTo.isEmpty()) {
                consumer.commitSync(printedUpTo);
            }
        }
        out.flush();
        return printed;
    }

    /** Prints the records below the stop offsets; returns the next offset per partition. */
    private Map<TopicPartition, Long> print(ConsumerRecords records) {
        Map<TopicPartition, Long> printedUpTo = new HashMap<>();
        for (ConsumerRecord record : records) {
            if (printed >= maxRecords) {
                break;
            }
            TopicPartition partition = record.topicPartition();
            if (stopOffsets != null && record.offset() >= stopOffsets.getOrDefault(partition, 0L)) {
                continue;
            }
            out.println(format.format(record));
            printed++;
            printedUpTo.put(partition, record.offset() + 1);
        }
        out.flush();
        return printedUpTo;
    }

    private boolean finished(long assignmentDeadline) {
        if (stopRequested || printed >= maxRecords) {
            return true;
        }
        if (stopOffsets == null) {
            return false;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            if (System.nanoTime() - assignmentDeadline > 0) {
                throw new CommandFailedException("group '" + consumer.groupId() + "' was "
                        + "assigned no partition within " + ASSIGNMENT_TIMEOUT.toSeconds()
                        + " s");
            }
            return false;
        }
        return assignment.stream().allMatch(partition ->
                consumer.position(partition) >= stopOffsets.getOrDefault(partition, 0L));
    }
}
