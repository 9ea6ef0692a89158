package io.lucidmq.testing;

import java.nio.charset.StandardCharsets;

/**
 * The records that {@link AckingProducerMain} sends, derived from a producer thread number and
 * a sequence number, so a test can check the bytes of every acknowledged record after a
 * crash. Each acknowledgement is printed as {@code ACK <thread> <sequence> <partition>
 * <offset>}.
 */
public final class AckedRecords {

    /** The prefix of an acknowledgement line. */
    public static final String ACK_PREFIX = "ACK ";

    private AckedRecords() {
    }

    /** Returns the key of record {@code sequence} of {@code thread}. */
    public static byte[] key(int thread, long sequence) {
        return ("t" + thread + "-" + sequence).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the value of record {@code sequence} of {@code thread}: 20 to 419 bytes. */
    public static byte[] value(int thread, long sequence) {
        String unit = "value-" + thread + "-" + sequence + ";";
        int length = 20 + (int) (sequence * 37 % 400);
        StringBuilder value = new StringBuilder(length + unit.length());
        while (value.length() < length) {
            value.append(unit);
        }
        return value.substring(0, length).getBytes(StandardCharsets.UTF_8);
    }

    /** Formats an acknowledgement line. */
    public static String ackLine(int thread, long sequence, int partition, long offset) {
        return ACK_PREFIX + thread + " " + sequence + " " + partition + " " + offset;
    }

    /**
     * An acknowledgement parsed from a line.
     *
     * @param thread the producer thread
     * @param sequence the thread's sequence number
     * @param partition the acknowledged partition
     * @param offset the acknowledged offset
     */
    public record Ack(int thread, long sequence, int partition, long offset) {

        /** Parses a line that starts with {@link #ACK_PREFIX}. */
        public static Ack parse(String line) {
            String[] parts = line.substring(ACK_PREFIX.length()).split(" ");
            return new Ack(Integer.parseInt(parts[0]), Long.parseLong(parts[1]),
                    Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
        }
    }
}
