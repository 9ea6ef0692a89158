package io.lucidmq.benchmarks.spring;

import io.lucidmq.benchmarks.latency.MessagePipe;
import io.lucidmq.benchmarks.latency.StampSink;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.spring.core.LucidTemplate;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring path as a pipe: {@link LucidTemplate#send(String, Object)} of a
 * {@link BenchEvent}, waiting for its acknowledgement, to the {@link BenchListener} method,
 * which the starter's listener container invokes with the event converted from JSON.
 */
public final class SpringPipe implements MessagePipe {

    private final Path directory;
    private final ConfigurableApplicationContext context;
    private final LucidTemplate template;

    /** Starts the application on an empty directory with the starter's defaults. */
    public SpringPipe() {
        this(new String[0]);
    }

    /** Starts the application on an empty directory with {@code extraProperties}. */
    public SpringPipe(String... extraProperties) {
        directory = BenchDirs.create("spring-e2e");
        context = EndToEndApplication.start(directory, extraProperties);
        template = context.getBean(LucidTemplate.class);
    }

    @Override
    public String name() {
        return "LucidTemplate to @LucidListener";
    }

    @Override
    public void startReceiving(StampSink sink) {
        context.getBean(BenchListener.class).setSink(sink);
    }

    @Override
    public void send(long scheduledNanos, long sendStartNanos, boolean measured) {
        template.send(BenchListener.TOPIC,
                new BenchEvent(scheduledNanos, sendStartNanos, measured, BenchEvent.BODY))
                .join();
    }

    @Override
    public Throwable failure() {
        return null;
    }

    @Override
    public void close() {
        context.close();
        BenchDirs.delete(directory);
    }
}
