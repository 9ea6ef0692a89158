package io.lucidmq.benchmarks.latency;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link MessagePipe} over a store read by polling: a thread of its own calls
 * {@link #poll} in a loop and decodes each value with {@link StampCodec}.
 */
abstract class PollingPipe implements MessagePipe {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final int valueBytes;
    private final CountDownLatch ready = new CountDownLatch(1);
    private Thread receiver;
    private volatile boolean stopped;
    private volatile Throwable failure;

    PollingPipe(int valueBytes) {
        if (valueBytes < StampCodec.MIN_VALUE_BYTES) {
            throw new IllegalArgumentException("valueBytes must be at least "
                    + StampCodec.MIN_VALUE_BYTES + ", but was " + valueBytes);
        }
        this.valueBytes = valueBytes;
    }

    /** Prepares the reading side; called on the receiving thread before the first poll. */
    void startConsumer() {
    }

    /** Appends {@code value}, which the caller does not change afterwards. */
    abstract void sendValue(byte[] value);

    /**
     * Waits up to {@code timeout} for values and passes each to {@code sink} in order; called
     * on the receiving thread only.
     */
    abstract void poll(Duration timeout, Consumer<byte[]> sink);

    /** Releases the store after the receiving thread has stopped. */
    abstract void closeStore();

    @Override
    public void startReceiving(StampSink sink) throws InterruptedException {
        receiver = new Thread(() -> receive(sink), "latency-receiver-" + name());
        receiver.setDaemon(true);
        receiver.start();
        if (!ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name() + " receiver did not start within "
                    + START_TIMEOUT_SECONDS + " s");
        }
    }

    @Override
    public void send(long scheduledNanos, long sendStartNanos, boolean measured) {
        sendValue(StampCodec.encode(scheduledNanos, sendStartNanos, measured, valueBytes));
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        stopped = true;
        if (receiver != null) {
            try {
                receiver.join(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeStore();
    }

    private void receive(StampSink sink) {
        try {
            startConsumer();
            ready.countDown();
            while (!stopped) {
                poll(POLL_TIMEOUT, value -> StampCodec.decode(value, sink));
            }
        } catch (Throwable t) {
            failure = t;
            ready.countDown();
        }
    }
}
