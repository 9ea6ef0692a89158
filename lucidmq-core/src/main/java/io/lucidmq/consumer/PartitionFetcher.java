package io.lucidmq.consumer;

import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.TopicPartition;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.topic.Topic;
import io.lucidmq.topic.TopicRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the next records of a consumer's partitions from their logs, moving positions that
 * are out of range by the reset policy. Used by one consumer thread; not thread-safe.
 */
final class PartitionFetcher {

    /** The position of a partition that has neither a committed offset nor a reset policy. */
    static final long NO_POSITION = -1;

    /** The maximum bytes read from one partition in one poll (always one batch at least). */
    private static final int MAX_FETCH_BYTES = 1024 * 1024;

    private static final Logger logger = LoggerFactory.getLogger(PartitionFetcher.class);

    private final TopicRegistry topics;
    private final OffsetResetPolicy resetPolicy;
    private final String consumerName;
    private final List<TopicPartition> partitionOrder = new ArrayList<>();
    private int nextStart;

    PartitionFetcher(TopicRegistry topics, OffsetResetPolicy resetPolicy, String consumerName) {
        this.topics = topics;
        this.resetPolicy = resetPolicy;
        this.consumerName = consumerName;
    }

    /** A position moved by the reset policy. */
    record Reset(TopicPartition partition, long fromOffset, long toOffset) {
    }

    /** The records of one fetch and the resets done on the way. */
    record Result(Map<TopicPartition, List<ConsumerRecord>> records, List<Reset> resets) {
    }

    /**
     * Reads up to {@code maxRecords} records across {@code positions}, starting at a different
     * partition each call so that no partition starves, and advances the positions.
     *
     * <p>When reading a partition fails (for example a checksum failure) after other
     * partitions already returned records in this call, the fetch returns those records, whose
     * positions have advanced, and leaves the failing partition's position unchanged; a later
     * fetch that reaches it first throws. So a damaged partition never makes the records of
     * healthy partitions disappear.
     *
     * @throws OffsetOutOfRangeException if a position is out of range under
     *     {@link OffsetResetPolicy#NONE}
     * @throws io.lucidmq.CorruptRecordException if the first partition read holds a corrupt
     *     batch at its position
     */
    Result fetch(Map<TopicPartition, Long> positions, int maxRecords) {
        List<TopicPartition> order = currentOrder(positions);
        Map<TopicPartition, List<ConsumerRecord>> records = Map.of();
        List<Reset> resets = new ArrayList<>();
        int budget = maxRecords;
        int start = order.isEmpty() ? 0 : Math.floorMod(nextStart++, order.size());
        for (int i = 0; i < order.size() && budget > 0; i++) {
            TopicPartition partition = order.get((start + i) % order.size());
            List<ConsumerRecord> read;
            try {
                read = fetchPartition(partition, positions, budget, resets);
            } catch (RuntimeException e) {
                if (records.isEmpty() && resets.isEmpty()) {
                    throw e;
                }
                logger.warn("Consumer {}: reading partition {} failed; returning the records "
                        + "already read from other partitions first", consumerName, partition, e);
                break;
            }
            if (!read.isEmpty()) {
                records = withPartition(records, partition, read);
                budget -= read.size();
            }
        }
        return new Result(records, resets);
    }

    /**
     * Returns the position that {@code policy} gives a partition without a valid one:
     * its start or end offset, or {@link #NO_POSITION} under {@code NONE}.
     */
    static long resetPosition(PartitionLog log, OffsetResetPolicy policy) {
        return switch (policy) {
            case EARLIEST -> log.startOffset();
            case LATEST -> log.endOffset();
            case NONE -> NO_POSITION;
        };
    }

    private List<ConsumerRecord> fetchPartition(TopicPartition partition,
            Map<TopicPartition, Long> positions, int budget, List<Reset> resets) {
        Optional<Topic> topic = topics.topic(partition.topic());
        if (topic.isEmpty() || partition.partition() >= topic.get().partitionCount()) {
            return List.of();
        }
        PartitionLog log = topic.get().log(partition.partition());
        long current = positions.get(partition);
        long position = checkRange(partition, log, current, resets);
        if (position != current) {
            positions.put(partition, position);
        }
        long readableEnd = topic.get().readableEndOffset(partition.partition());
        if (position >= readableEnd) {
            return List.of();
        }

        List<ConsumerRecord> read;
        try {
            read = log.read(position, budget, MAX_FETCH_BYTES);
        } catch (OffsetOutOfRangeException e) {
            // Retention deleted the position after the range check; the next fetch resets it.
            logger.debug("Consumer {}: position {} of {} was deleted while reading",
                    consumerName, position, partition, e);
            return List.of();
        } catch (RuntimeException e) {
            if (topics.topic(partition.topic()).orElse(null) != topic.get()) {
                logger.debug("Consumer {}: topic {} was deleted while reading", consumerName,
                        partition.topic(), e);
                return List.of();
            }
            throw e;
        }
        List<ConsumerRecord> visible = visibleRecords(read, position, readableEnd, budget);
        if (!visible.isEmpty()) {
            positions.put(partition, visible.get(visible.size() - 1).offset() + 1);
        }
        return visible;
    }

    /**
     * Returns the records of {@code read} from {@code position} and below {@code readableEnd},
     * at most {@code budget}. That is {@code read} itself in the usual case where all of it
     * qualifies, otherwise a copy.
     *
     * <p>NOTE: returning {@code read} itself relies on {@link PartitionLog#read} returning a
     * new list on every call, which its {@code LogReader} does, because the poll result wraps
     * the list without copying it.
     */
    private static List<ConsumerRecord> visibleRecords(List<ConsumerRecord> read, long position,
            long readableEnd, int budget) {
        if (read.isEmpty()) {
            return read;
        }
        boolean allVisible = read.size() <= budget
                && read.get(0).offset() >= position
                && read.get(read.size() - 1).offset() < readableEnd;
        if (allVisible) {
            return read;
        }
        List<ConsumerRecord> visible = new ArrayList<>(read.size());
        for (ConsumerRecord record : read) {
            if (record.offset() >= position && record.offset() < readableEnd
                    && visible.size() < budget) {
                visible.add(record);
            }
        }
        return visible;
    }

    /**
     * Returns the partitions of {@code positions} in their map order, from a list kept between
     * fetches and rebuilt only when the assignment changed.
     */
    private List<TopicPartition> currentOrder(Map<TopicPartition, Long> positions) {
        if (!hasSamePartitions(positions.keySet())) {
            partitionOrder.clear();
            partitionOrder.addAll(positions.keySet());
        }
        return partitionOrder;
    }

    private boolean hasSamePartitions(Set<TopicPartition> partitions) {
        if (partitionOrder.size() != partitions.size()) {
            return false;
        }
        int i = 0;
        for (TopicPartition partition : partitions) {
            if (!partition.equals(partitionOrder.get(i++))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds one partition's records to the result of a fetch. The first partition gets a
     * one-entry map, because a fetch usually finds records in one partition only.
     */
    private static Map<TopicPartition, List<ConsumerRecord>> withPartition(
            Map<TopicPartition, List<ConsumerRecord>> records, TopicPartition partition,
            List<ConsumerRecord> read) {
        if (records.isEmpty()) {
            return Map.of(partition, read);
        }
        Map<TopicPartition, List<ConsumerRecord>> grown = records instanceof LinkedHashMap
                ? records : new LinkedHashMap<>(records);
        grown.put(partition, read);
        return grown;
    }

    private long checkRange(TopicPartition partition, PartitionLog log, long position,
            List<Reset> resets) {
        long startOffset = log.startOffset();
        long endOffset = log.endOffset();
        if (position >= startOffset && position <= endOffset) {
            return position;
        }
        if (resetPolicy == OffsetResetPolicy.NONE) {
            String reason = position == NO_POSITION
                    ? "it has no committed offset or position"
                    : "position " + position + " is outside its offsets " + startOffset + " to "
                            + endOffset;
            throw new OffsetOutOfRangeException("consumer " + consumerName + ": partition "
                    + partition + " cannot be read because " + reason + " and offsetReset is "
                    + "NONE; seek to a valid offset");
        }
        long reset = resetPosition(log, resetPolicy);
        logger.warn("Consumer {}: position {} of partition {} is outside its offsets {} to {}; "
                + "reset to {} by offsetReset {}", consumerName, position, partition,
                startOffset, endOffset, reset, resetPolicy);
        resets.add(new Reset(partition, position, reset));
        return reset;
    }
}
