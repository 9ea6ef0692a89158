package io.lucidmq.benchmarks.spring;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.spring.core.LucidTemplate;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ConfigurableApplicationContext;

/** Throughput of {@link LucidTemplate#send(String, Object)} to the {@link BenchListener}. */
final class SpringThroughputRun extends ThroughputRun {

    private final Path directory = BenchDirs.create("spring-throughput");
    private final ConfigurableApplicationContext context = EndToEndApplication.start(directory);
    private final LucidTemplate template = context.getBean(LucidTemplate.class);

    @Override
    void receiveInto(CountingSink sink) {
        context.getBean(BenchListener.class).setSink(sink);
    }

    @Override
    CompletableFuture<?> sendAsync(BenchEvent event) {
        return template.send(BenchListener.TOPIC, event);
    }

    @Override
    public void close() {
        context.close();
        BenchDirs.delete(directory);
    }
}
