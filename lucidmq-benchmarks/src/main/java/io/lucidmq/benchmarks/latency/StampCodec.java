package io.lucidmq.benchmarks.latency;

import java.nio.ByteBuffer;

/**
 * The layout of the timestamps in a byte-array record value.
 *
 * <pre>
 * offset 0   scheduled nanos   8 bytes, big-endian
 * offset 8   send-start nanos  8 bytes, big-endian
 * offset 16  measured flag     1 byte, 1 in the measured phase
 * offset 17  zero padding up to the value size
 * </pre>
 */
public final class StampCodec {

    /** The smallest value that holds the timestamps. */
    public static final int MIN_VALUE_BYTES = 17;

    private static final int SCHEDULED_OFFSET = 0;
    private static final int SEND_START_OFFSET = 8;
    private static final int MEASURED_OFFSET = 16;

    private StampCodec() {
    }

    /** Returns a new value of {@code valueBytes} bytes holding the timestamps. */
    public static byte[] encode(long scheduledNanos, long sendStartNanos, boolean measured,
            int valueBytes) {
        byte[] value = new byte[valueBytes];
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.putLong(SCHEDULED_OFFSET, scheduledNanos);
        buffer.putLong(SEND_START_OFFSET, sendStartNanos);
        buffer.put(MEASURED_OFFSET, (byte) (measured ? 1 : 0));
        return value;
    }

    /** Passes the timestamps of {@code value} to {@code sink}. */
    public static void decode(byte[] value, StampSink sink) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        sink.arrived(buffer.getLong(SCHEDULED_OFFSET), buffer.getLong(SEND_START_OFFSET),
                buffer.get(MEASURED_OFFSET) == 1);
    }
}
