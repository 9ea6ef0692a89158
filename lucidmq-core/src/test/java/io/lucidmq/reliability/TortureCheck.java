package io.lucidmq.reliability;

import io.lucidmq.LucidException;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.testing.AckedRecords;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicDescription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a crash-torture directory after a trial, opened again in the test JVM. Every
 * acknowledged record is at its offset byte for byte, unless retention deleted it. Offsets
 * are dense from the start offset, and no record is stored twice or differs from what its key
 * names. Committed offsets stay within the log and never move back behind a commit the child
 * printed. The group resumed at its commit, re-delivering at most what was in flight.
 * Adds to the run's counters and collects problems. Not thread-safe.
 */
final class TortureCheck {

    private final LucidMQ mq;
    private final TortureLedger ledger;
    private final SummaryLine summary;
    private final List<String> problems = new ArrayList<>();

    TortureCheck(LucidMQ mq, TortureLedger ledger, SummaryLine summary) {
        this.mq = mq;
        this.ledger = ledger;
        this.summary = summary;
    }

    /**
     * Runs every check and returns the problems found; with {@code joinGroup}, for a writable
     * open, also {@link #checkGroupResumesInProcess}.
     */
    List<String> run(boolean joinGroup) {
        checkLog();
        if (joinGroup) {
            checkGroupResumesInProcess();
        }
        return problems;
    }

    private void checkLog() {
        summary.add("acknowledged", ledger.trialAcks());
        summary.add("corrupt", ledger.badLines());
        if (ledger.badLines() > 0) {
            problems.add(ledger.badLines() + " consumed records differed from those written");
        }
        Optional<TopicDescription> topic = mq.describeTopic(TortureMain.TOPIC);
        if (topic.isEmpty()) {
            for (int partition = 0; partition < TortureMain.PARTITIONS; partition++) {
                countLost(partition, ledger.acks(partition).size(), "the topic is missing");
            }
            return;
        }
        Map<Integer, Long> committed = committedOffsets();
        for (PartitionDescription partition : topic.get().partitions()) {
            checkRecords(partition);
            checkCommit(partition, committed.getOrDefault(partition.partition(), -1L));
        }
    }

    private void checkRecords(PartitionDescription description) {
        int partition = description.partition();
        long start = description.startOffset();
        TopicPartition topicPartition = new TopicPartition(TortureMain.TOPIC, partition);
        List<ConsumerRecord> records;
        try {
            records = EngineTestSupport.readPartition(mq, topicPartition,
                    description.endOffset());
        } catch (LucidException | AssertionError e) {
            summary.increment("corrupt");
            problems.add("reading " + topicPartition + " failed: " + e);
            return;
        }
        checkDense(topicPartition, start, description.endOffset(), records);
        if (start < ledger.startOffset(partition)) {
            summary.increment("startMovedBack");
            problems.add(topicPartition + " start offset " + start + " is below the "
                    + ledger.startOffset(partition) + " seen before");
        }
        ledger.recordStartOffset(partition, start);

        Map<Long, ConsumerRecord> byOffset = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord record : records) {
            byOffset.put(record.offset(), record);
            String reason = TortureLedger.mismatch(record);
            if (reason != null) {
                summary.increment("corrupt");
                problems.add(topicPartition + " offset " + record.offset() + ": " + reason);
            } else if (!keys.add(new String(record.key(), StandardCharsets.UTF_8))) {
                summary.increment("storedTwice");
                problems.add(topicPartition + " offset " + record.offset() + " repeats a record");
            }
        }
        for (AckedRecords.Ack ack : ledger.acks(partition).values()) {
            checkAck(ack, start, byOffset.get(ack.offset()));
        }
    }

    private void checkDense(TopicPartition partition, long start, long end,
            List<ConsumerRecord> records) {
        boolean dense = records.size() == end - start;
        for (int i = 0; i < records.size() && dense; i++) {
            dense = records.get(i).offset() == start + i;
        }
        if (!dense) {
            summary.increment("densityErrors");
            problems.add(partition + " offsets are not dense from " + start + " to " + end);
        }
    }

    private void checkAck(AckedRecords.Ack ack, long start, ConsumerRecord stored) {
        if (ack.offset() < start) {
            summary.increment("expired");
            return;
        }
        boolean intact = stored != null
                && Arrays.equals(stored.key(), AckedRecords.key(ack.thread(), ack.sequence()))
                && Arrays.equals(stored.value(),
                        AckedRecords.value(ack.thread(), ack.sequence()));
        if (!intact) {
            countLost(ack.partition(), 1, "acknowledged " + ack + " is "
                    + (stored == null ? "missing" : "replaced by " + stored));
        }
    }

    private void countLost(int partition, int count, String reason) {
        if (count > 0) {
            summary.add("lost", count);
            problems.add("partition " + partition + ": " + count + " lost: " + reason);
        }
    }

    private Map<Integer, Long> committedOffsets() {
        Map<Integer, Long> committed = new HashMap<>();
        mq.describeGroup(TortureMain.GROUP).ifPresent(group -> {
            for (GroupPartitionState state : group.partitions()) {
                if (state.committedOffset().isPresent()) {
                    committed.put(state.topicPartition().partition(),
                            state.committedOffset().getAsLong());
                }
            }
        });
        return committed;
    }

    private void checkCommit(PartitionDescription description, long committed) {
        int partition = description.partition();
        if (committed > description.endOffset()) {
            summary.increment("committedBeyondEnd");
            problems.add("partition " + partition + " committed " + committed
                    + " beyond end offset " + description.endOffset());
        }
        long printed = ledger.printedCommit(partition);
        long before = ledger.committedBeforeTrial(partition);
        if (committed < printed || committed < before) {
            summary.increment("commitMovedBack");
            problems.add("partition " + partition + " committed " + committed
                    + " is behind the printed commit " + printed + " or the earlier " + before);
        }
        checkResume(description, before);
        ledger.recordCommitted(partition, committed);
    }

    /**
     * Checks where the trial's child resumed the partition: at the commit found after the
     * previous trial, or later only when retention deleted the records in between.
     */
    private void checkResume(PartitionDescription description, long resumePoint) {
        int partition = description.partition();
        long first = ledger.firstDelivered(partition);
        if (first < 0 || resumePoint < 0) {
            return;
        }
        summary.increment("resumes");
        if (first < resumePoint) {
            summary.increment("resumedBehindCommit");
            problems.add("partition " + partition + " resumed at " + first
                    + " behind its commit " + resumePoint);
        } else if (first > resumePoint && description.startOffset() < first) {
            summary.increment("skipped");
            problems.add("partition " + partition + " resumed at " + first + " after its commit "
                    + resumePoint + ", skipping records that still exist");
        }
        long deliveredBefore = ledger.deliveredBefore(partition);
        long duplicates = Math.max(0,
                Math.min(deliveredBefore, ledger.lastDelivered(partition) + 1) - first);
        summary.add("duplicates", duplicates);
        if (duplicates > Math.max(0, deliveredBefore - resumePoint)) {
            summary.increment("duplicatesBeyondInFlight");
            problems.add("partition " + partition + " delivered " + duplicates
                    + " records twice, more than the " + (deliveredBefore - resumePoint)
                    + " in flight");
        }
    }

    /**
     * Joins the group in the test JVM, without committing, and checks that its first records
     * come from the committed offsets.
     */
    private void checkGroupResumesInProcess() {
        Map<Integer, Long> committed = committedOffsets();
        TopicDescription topic = mq.describeTopic(TortureMain.TOPIC).orElse(null);
        if (topic == null || committed.isEmpty()) {
            return;
        }
        Map<Integer, Long> expected = new HashMap<>();
        for (PartitionDescription partition : topic.partitions()) {
            Long offset = committed.get(partition.partition());
            if (offset != null && offset < partition.endOffset()) {
                expected.put(partition.partition(), Math.max(offset, partition.startOffset()));
            }
        }
        Map<Integer, Long> firsts = new HashMap<>();
        try (Consumer member = mq.consumer(ConsumerConfig.group(TortureMain.GROUP)
                .topics(TortureMain.TOPIC).build())) {
            for (int attempt = 0; attempt < 5 && !firsts.keySet().containsAll(expected.keySet());
                    attempt++) {
                member.poll(Duration.ofSeconds(2)).forEach(record ->
                        firsts.putIfAbsent(record.partition(), record.offset()));
            }
        }
        expected.forEach((partition, offset) -> {
            summary.increment("resumes");
            if (!offset.equals(firsts.get(partition))) {
                summary.increment("skipped");
                problems.add("in-process member resumed partition " + partition + " at "
                        + firsts.get(partition) + ", expected its commit " + offset);
            }
        });
    }
}
