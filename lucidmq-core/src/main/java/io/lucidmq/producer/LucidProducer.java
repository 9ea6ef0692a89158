package io.lucidmq.producer;

import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The {@link io.lucidmq.producer.Producer} of a LucidMQ instance: a handle on the instance's
 * shared {@link RecordAppender} with its own closed state. Thread-safe; closing it does not
 * affect other producers or the instance.
 */
public final class LucidProducer implements Producer {

    private final RecordAppender appender;
    private final Runnable flushAll;
    private final Consumer<LucidProducer> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a producer.
     *
     * @param flushAll forces every partition of the instance
     * @param onClose called once when this producer closes
     */
    public LucidProducer(RecordAppender appender, Runnable flushAll,
            Consumer<LucidProducer> onClose) {
        this.appender = appender;
        this.flushAll = flushAll;
        this.onClose = onClose;
    }

    @Override
    public RecordMetadata send(ProducerRecord record) {
        ensureOpen();
        return appender.send(record);
    }

    @Override
    public CompletableFuture<RecordMetadata> sendAsync(ProducerRecord record) {
        ensureOpen();
        return appender.sendAsync(record);
    }

    @Override
    public List<RecordMetadata> sendAll(List<ProducerRecord> records) {
        ensureOpen();
        return appender.sendAll(records);
    }

    @Override
    public void flush() {
        ensureOpen();
        flushAll.run();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    /** Marks this producer closed without notifying the instance; used when it closes. */
    public void markClosed() {
        closed.set(true);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("producer is closed");
        }
    }
}
