package io.lucidmq.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucidMeterBinderTests {

    @TempDir
    Path directory;

    @Test
    void refreshAddsAndRemovesPartitionGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LucidMQ lucidMQ = LucidMQ.open(directory);
                LucidMeterBinder binder = new LucidMeterBinder(lucidMQ, Duration.ofHours(1))) {
            binder.bindTo(registry);
            assertThat(registry.find(LucidMeters.PARTITION_SIZE).gauges()).isEmpty();

            lucidMQ.createTopic("events", TopicConfig.defaults().withPartitions(2));
            lucidMQ.producer().send(ProducerRecord.of("events", "a"));
            binder.refresh();

            assertThat(registry.find(LucidMeters.PARTITION_SIZE).tag("topic", "events")
                    .gauges()).hasSize(2);
            assertThat(registry.find(LucidMeters.PARTITION_END_OFFSET).tag("topic", "events")
                    .gauges()).extracting(gauge -> gauge.value())
                    .containsExactlyInAnyOrder(0.0, 1.0);

            lucidMQ.deleteTopic("events");
            binder.refresh();

            assertThat(registry.find(LucidMeters.PARTITION_SIZE).gauges()).isEmpty();
            assertThat(registry.find(LucidMeters.PARTITION_END_OFFSET).gauges()).isEmpty();
        }
    }

    @Test
    void gaugesReadNaNAfterInstanceCloses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LucidMQ lucidMQ = LucidMQ.open(directory);
        try (LucidMeterBinder binder = new LucidMeterBinder(lucidMQ, Duration.ofHours(1))) {
            lucidMQ.createTopic("events");
            binder.bindTo(registry);
            lucidMQ.close();

            assertThat(registry.get(LucidMeters.PARTITION_SIZE).gauge().value()).isNaN();
        }
    }
}
