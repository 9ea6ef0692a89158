package io.lucidmq.reliability;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.testing.AckedRecords;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the children of one crash-torture directory reported across its trials: every
 * acknowledged record by partition and offset. Per partition it also keeps the highest commit
 * printed as completed, the highest offset delivered, and where the last trial resumed.
 * Not thread-safe.
 */
final class TortureLedger {

    private final Map<Integer, TreeMap<Long, AckedRecords.Ack>> acks = new HashMap<>();
    private final Map<Integer, Long> printedCommits = new HashMap<>();
    private final Map<Integer, Long> deliveredUpTo = new HashMap<>();
    private final Map<Integer, Long> trialFirstDelivered = new HashMap<>();
    private final Map<Integer, Long> trialLastDelivered = new HashMap<>();
    private final Map<Integer, Long> deliveredBeforeTrial = new HashMap<>();
    private final Map<Integer, Long> committedBeforeTrial = new HashMap<>();
    private final Map<Integer, Long> startOffsets = new HashMap<>();
    private int badLines;
    private int trialAcks;

    /**
     * Returns why a consumed record is not one that {@link AckedRecords} could have written,
     * or {@code null} when its key names a thread and sequence whose value it carries.
     */
    static String mismatch(ConsumerRecord record) {
        String key = record.key() == null ? ""
                : new String(record.key(), StandardCharsets.UTF_8);
        int dash = key.indexOf('-');
        if (!key.startsWith("t") || dash < 0) {
            return "key '" + key + "' is not t<thread>-<sequence>";
        }
        try {
            int thread = Integer.parseInt(key.substring(1, dash));
            long sequence = Long.parseLong(key.substring(dash + 1));
            if (!Arrays.equals(record.value(), AckedRecords.value(thread, sequence))) {
                return "value differs from the value written for key " + key;
            }
            return null;
        } catch (NumberFormatException e) {
            return "key '" + key + "' is not t<thread>-<sequence>";
        }
    }

    /** Takes in the complete output lines of one trial's child. */
    void absorb(List<String> lines) {
        deliveredBeforeTrial.clear();
        deliveredBeforeTrial.putAll(deliveredUpTo);
        trialFirstDelivered.clear();
        trialLastDelivered.clear();
        badLines = 0;
        trialAcks = 0;
        for (String line : lines) {
            if (!line.endsWith(TortureMain.LINE_END)) {
                continue;
            }
            String content = line.substring(0, line.length() - TortureMain.LINE_END.length());
            String[] parts = content.split(" ");
            switch (parts[0]) {
                case "ACK" -> addAck(AckedRecords.Ack.parse(content));
                case "POLLED" -> addDelivery(Integer.parseInt(parts[1]),
                        Long.parseLong(parts[2]), Long.parseLong(parts[3]));
                case "COMMITTED" -> printedCommits.merge(Integer.parseInt(parts[1]),
                        Long.parseLong(parts[2]), Math::max);
                case "BAD" -> badLines++;
                default -> {
                }
            }
        }
    }

    private void addAck(AckedRecords.Ack ack) {
        acks.computeIfAbsent(ack.partition(), p -> new TreeMap<>()).put(ack.offset(), ack);
        trialAcks++;
    }

    private void addDelivery(int partition, long first, long last) {
        trialFirstDelivered.putIfAbsent(partition, first);
        trialLastDelivered.merge(partition, last, Math::max);
        deliveredUpTo.merge(partition, last + 1, Math::max);
    }

    /** The acknowledged records of a partition by offset, across every trial. */
    TreeMap<Long, AckedRecords.Ack> acks(int partition) {
        return acks.getOrDefault(partition, new TreeMap<>());
    }

    /** The number of acknowledgements the last trial printed. */
    int trialAcks() {
        return trialAcks;
    }

    /** The number of BAD lines the last trial printed. */
    int badLines() {
        return badLines;
    }

    /** The highest commit of a partition any child printed as completed, or -1. */
    long printedCommit(int partition) {
        return printedCommits.getOrDefault(partition, -1L);
    }

    /** The first offset the last trial delivered from a partition, or -1. */
    long firstDelivered(int partition) {
        return trialFirstDelivered.getOrDefault(partition, -1L);
    }

    /** The last offset the last trial delivered from a partition, or -1. */
    long lastDelivered(int partition) {
        return trialLastDelivered.getOrDefault(partition, -1L);
    }

    /** The offset below which every record was delivered before the last trial, or 0. */
    long deliveredBefore(int partition) {
        return deliveredBeforeTrial.getOrDefault(partition, 0L);
    }

    /** The committed offset read from disk after the trial before the last one, or -1. */
    long committedBeforeTrial(int partition) {
        return committedBeforeTrial.getOrDefault(partition, -1L);
    }

    /** The start offset of a partition at the last verification, or 0. */
    long startOffset(int partition) {
        return startOffsets.getOrDefault(partition, 0L);
    }

    /** Records the start offset of a partition at a verification. */
    void recordStartOffset(int partition, long startOffset) {
        startOffsets.put(partition, startOffset);
    }

    /** Records the committed offset read from disk after a trial, for the next one. */
    void recordCommitted(int partition, long committed) {
        committedBeforeTrial.put(partition, committed);
    }
}
