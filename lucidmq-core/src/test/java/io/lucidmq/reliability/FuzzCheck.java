package io.lucidmq.reliability;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidMQ;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reopens one damaged corpus copy and checks it: the open succeeds (or fails naming the
 * damaged metadata file), every record returned equals the one written at its offset, damage
 * inside a segment surfaces as a {@link CorruptRecordException} naming the file and byte, the
 * records before the damage are all still there, the group keeps a commit it really made, and
 * an append after the damage gets the next offset. Adds to the run's counters and returns the
 * problems found, empty when the copy passed. Not thread-safe.
 */
final class FuzzCheck {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(5);

    private final FuzzCorpus corpus;
    private final Path root;
    private final FuzzTarget target;
    private final Mutation mutation;
    private final SummaryLine summary;
    private final List<String> problems = new ArrayList<>();

    FuzzCheck(FuzzCorpus corpus, Path root, FuzzTarget target, Mutation mutation,
            SummaryLine summary) {
        this.corpus = corpus;
        this.root = root;
        this.target = target;
        this.mutation = mutation;
        this.summary = summary;
    }

    /** Runs the check. */
    List<String> run() {
        LucidMQ mq;
        try {
            mq = LucidMQ.open(FuzzCorpus.config(root));
        } catch (RuntimeException e) {
            checkOpenFailure(e);
            return problems;
        }
        try {
            summary.increment("reopened");
            Set<Long> returned = readEveryRecord(mq);
            checkPrefix(returned);
            checkCommit(mq);
            checkAppend(mq);
        } finally {
            mq.close();
        }
        return problems;
    }

    private void checkOpenFailure(RuntimeException e) {
        boolean metadata = target == FuzzTarget.TOPIC_METADATA || target == FuzzTarget.OFFSETS
                || target == FuzzTarget.PREVIOUS_OFFSETS;
        String name = mutation.file().getFileName().toString();
        if (metadata && String.valueOf(e.getMessage()).contains(name)) {
            summary.increment("openFailedNamingFile");
            return;
        }
        summary.increment("reopenFailures");
        problems.add("open failed: " + e);
    }

    /**
     * Reads the partition from its start to its end offset, comparing every record. A poll
     * that fails its checksum returns nothing, so the records from its position up to the
     * damage are read again one at a time. The read then goes on at the next segment.
     *
     * @return the offsets returned intact
     */
    private Set<Long> readEveryRecord(LucidMQ mq) {
        Set<Long> intact = new HashSet<>();
        try (Consumer reader = reader(mq, 500)) {
            long end = reader.endOffset(FuzzCorpus.PARTITION);
            while (reader.position(FuzzCorpus.PARTITION) < end) {
                long position = reader.position(FuzzCorpus.PARTITION);
                ConsumerRecords polled;
                try {
                    polled = reader.poll(POLL_TIMEOUT);
                } catch (CorruptRecordException e) {
                    Optional<Long> next = nextSegmentAfter(readUpToDamage(mq, position, intact));
                    if (next.isEmpty()) {
                        break;
                    }
                    reader.seek(FuzzCorpus.PARTITION, next.get());
                    continue;
                }
                if (polled.isEmpty()) {
                    problems.add("no record at position " + position + " below end offset "
                            + end);
                    break;
                }
                for (ConsumerRecord record : polled) {
                    compare(record, intact);
                }
            }
        }
        return intact;
    }

    /** Reads one record at a time from {@code from}; returns the position of the damage. */
    private long readUpToDamage(LucidMQ mq, long from, Set<Long> intact) {
        try (Consumer reader = reader(mq, 1)) {
            reader.seek(FuzzCorpus.PARTITION, from);
            while (true) {
                try {
                    ConsumerRecords polled = reader.poll(POLL_TIMEOUT);
                    if (polled.isEmpty()) {
                        problems.add("checksum error at " + from + " did not recur");
                        return reader.position(FuzzCorpus.PARTITION);
                    }
                    polled.forEach(record -> compare(record, intact));
                } catch (CorruptRecordException e) {
                    checkChecksumError(e);
                    return reader.position(FuzzCorpus.PARTITION);
                }
            }
        }
    }

    private static Consumer reader(LucidMQ mq, int maxPollRecords) {
        return mq.consumer(ConsumerConfig.reader().assign(FuzzCorpus.PARTITION)
                .maxPollRecords(maxPollRecords).build());
    }

    private void compare(ConsumerRecord record, Set<Long> intact) {
        summary.increment("records");
        RecordImage expected = corpus.records().get(record.offset());
        RecordImage actual = RecordImage.of(record);
        if (!actual.equals(expected)) {
            summary.increment("corruptReturned");
            problems.add("returned " + actual + " where " + expected + " was written");
            return;
        }
        intact.add(record.offset());
    }

    /** Checks that a checksum error follows damage to a segment and names file and byte. */
    private void checkChecksumError(CorruptRecordException e) {
        summary.increment("checksumErrors");
        String message = String.valueOf(e.getMessage());
        boolean damagedSegment = target == FuzzTarget.NEWEST_SEGMENT
                || target == FuzzTarget.SEALED_SEGMENT;
        if (!damagedSegment) {
            problems.add("checksum error after damage to " + target + ": " + message);
        } else if (!message.contains(mutation.file().getFileName().toString())
                || !message.contains("byte")) {
            problems.add("checksum error does not name file and byte: " + message);
        }
    }

    private Optional<Long> nextSegmentAfter(long position) {
        return corpus.segmentBaseOffsets().stream().filter(base -> base > position).findFirst();
    }

    /** Checks that every record the damage could not have touched was returned intact. */
    private void checkPrefix(Set<Long> intact) {
        List<Long> missing = new ArrayList<>();
        for (long offset : corpus.records().keySet()) {
            if (isProtected(offset) && !intact.contains(offset)) {
                missing.add(offset);
            }
        }
        if (!missing.isEmpty()) {
            summary.increment("prefixLost");
            problems.add(missing.size() + " undamaged records lost, first " + missing.get(0));
        }
    }

    /**
     * Returns whether the record at {@code offset} is outside the damage: in a segment before
     * the damaged one, in a batch of the damaged segment that ends before the first damaged
     * byte, or, for a sealed segment, in a later segment. Damage to any other file protects
     * every record.
     */
    private boolean isProtected(long offset) {
        if (target != FuzzTarget.NEWEST_SEGMENT && target != FuzzTarget.SEALED_SEGMENT) {
            return true;
        }
        long damagedBase = SegmentFiles.baseOffset(mutation.file(), SegmentFiles.LOG_SUFFIX);
        long firstDamaged = corpus.batches().get(damagedBase).stream()
                .filter(batch -> batch.end() > mutation.position())
                .mapToLong(FuzzCorpus.Batch::baseOffset).findFirst().orElse(Long.MAX_VALUE);
        if (offset < firstDamaged) {
            return true;
        }
        if (target == FuzzTarget.NEWEST_SEGMENT) {
            return false;
        }
        long nextBase = corpus.segmentBaseOffsets().stream().filter(base -> base > damagedBase)
                .findFirst().orElseThrow();
        return offset >= nextBase;
    }

    private void checkCommit(LucidMQ mq) {
        OptionalLong committed = mq.describeGroup(FuzzCorpus.GROUP).stream()
                .flatMap(group -> group.partitions().stream())
                .filter(state -> state.topicPartition().equals(FuzzCorpus.PARTITION))
                .map(GroupPartitionState::committedOffset)
                .findFirst().orElse(OptionalLong.empty());
        boolean last = committed.isPresent() && committed.getAsLong() == corpus.lastCommit();
        boolean previous = committed.isPresent()
                && committed.getAsLong() == corpus.previousCommit();
        if (!last && !(previous && target == FuzzTarget.OFFSETS)) {
            summary.increment("commitLost");
            problems.add("group committed offset is " + committed + ", expected "
                    + corpus.lastCommit() + (target == FuzzTarget.OFFSETS
                    ? " or " + corpus.previousCommit() : ""));
        }
    }

    private void checkAppend(LucidMQ mq) {
        long end = mq.describeTopic(FuzzCorpus.TOPIC).orElseThrow().partitions().get(0)
                .endOffset();
        ProducerRecord record = ProducerRecord.builder(FuzzCorpus.TOPIC).partition(0)
                .key("after-damage").value("appended after " + mutation.describe(root))
                .build();
        RecordMetadata metadata = mq.producer().send(record);
        if (metadata.offset() != end) {
            problems.add("append after damage got offset " + metadata.offset()
                    + ", expected the end offset " + end);
        }
        try (Consumer reader = mq.consumer(ConsumerConfig.reader()
                .assign(FuzzCorpus.PARTITION).build())) {
            reader.seek(FuzzCorpus.PARTITION, metadata.offset());
            List<ConsumerRecord> read = new ArrayList<>();
            reader.poll(POLL_TIMEOUT).forEach(read::add);
            boolean found = !read.isEmpty() && read.get(0).offset() == metadata.offset()
                    && read.get(0).valueAsString().equals(
                            new String(record.value(), StandardCharsets.UTF_8));
            if (!found) {
                problems.add("record appended after damage at offset " + metadata.offset()
                        + " reads back as " + read);
            }
        } catch (CorruptRecordException e) {
            problems.add("record appended after damage cannot be read: " + e);
        }
    }
}
