package io.lucidmq.benchmarks.latency;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChronicleFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;

/**
 * Chronicle Queue as a pipe: one appender and one tailer on the same queue. Chronicle has no
 * blocking read, so the receiver spins on {@link ExcerptTailer#readBytes} with
 * {@link Thread#onSpinWait()}, as Chronicle's own low-latency examples do; it keeps one core
 * busy for the length of the run. Appender and tailer are created on their own threads.
 */
public final class ChroniclePipe extends PollingPipe {

    private final Path directory;
    private final ChronicleQueue queue;
    private ExcerptAppender appender;
    private ExcerptTailer tailer;
    private Bytes<?> buffer;

    /** Creates an empty queue for values of {@code valueBytes}. */
    public ChroniclePipe(int valueBytes) {
        super(valueBytes);
        directory = BenchDirs.create("chronicle-latency");
        try {
            queue = ChronicleFixtures.open(directory);
        } catch (RuntimeException | LinkageError e) {
            BenchDirs.delete(directory);
            throw e;
        }
    }

    @Override
    public String name() {
        return "ChronicleQueue";
    }

    @Override
    void startConsumer() {
        tailer = queue.createTailer().toEnd();
        buffer = Bytes.allocateElasticDirect(256);
    }

    @Override
    void sendValue(byte[] value) {
        if (appender == null) {
            appender = queue.createAppender();
        }
        appender.writeBytes(BytesStore.wrap(value));
    }

    @Override
    void poll(Duration timeout, Consumer<byte[]> sink) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean read = false;
        while (true) {
            buffer.clear();
            if (tailer.readBytes(buffer)) {
                sink.accept(buffer.toByteArray());
                read = true;
            } else if (read || System.nanoTime() - deadline >= 0) {
                return;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    void closeStore() {
        if (buffer != null) {
            buffer.releaseLast();
        }
        queue.close();
        BenchDirs.delete(directory);
    }
}
