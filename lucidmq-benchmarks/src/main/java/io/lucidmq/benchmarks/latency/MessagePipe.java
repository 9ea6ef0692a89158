package io.lucidmq.benchmarks.latency;

/**
 * One store seen as a channel from one producer thread to one receiving thread in the same
 * JVM, for {@link ProduceToPollHarness}.
 *
 * <p>{@link #send} is called by one producer thread; the pipe calls the {@link StampSink}
 * from one receiving thread of its own.
 */
public interface MessagePipe extends AutoCloseable {

    /** A short name of the store, used in the results. */
    String name();

    /**
     * Starts the receiving side and returns once it waits for records. Every record sent
     * afterwards is passed to {@code sink}.
     */
    void startReceiving(StampSink sink) throws InterruptedException;

    /** Sends one record carrying the given timestamps and waits for its acknowledgement. */
    void send(long scheduledNanos, long sendStartNanos, boolean measured);

    /** The failure that stopped the receiving side, or {@code null}. */
    Throwable failure();

    /** Stops receiving and releases the store. */
    @Override
    void close();
}
