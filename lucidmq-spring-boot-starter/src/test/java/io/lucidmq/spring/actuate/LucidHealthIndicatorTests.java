package io.lucidmq.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.spring.listener.ConcurrentLucidListenerContainer;
import io.lucidmq.spring.listener.ContainerProperties;
import io.lucidmq.spring.listener.ContainerState;
import io.lucidmq.spring.listener.LucidListenerContainer;
import io.lucidmq.spring.listener.RecordListener;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

class LucidHealthIndicatorTests {

    @TempDir
    Path directory;

    @Test
    void upWithDetailsWhenDirectoryIsWritable() {
        try (LucidMQ lucidMQ = LucidMQ.open(directory)) {
            lucidMQ.createTopic("orders");
            Health health = new LucidHealthIndicator(lucidMQ, DataSize.ofBytes(0), List::of)
                    .health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("directory", directory.toString())
                    .containsEntry("writable", true)
                    .containsEntry("topics", List.of("orders"))
                    .containsEntry("minFreeSpace", 0L)
                    .doesNotContainKey("problems");
            assertThat((Long) health.getDetails().get("freeSpace")).isPositive();
        }
    }

    @Test
    void downWhenContainerThreadDied() {
        try (LucidMQ lucidMQ = LucidMQ.open(directory)) {
            ConcurrentLucidListenerContainer container = new ConcurrentLucidListenerContainer(
                    lucidMQ, "dying", ContainerProperties.builder("dying", List.of("t")).build(),
                    (RecordListener) (record, ack) -> {
                        throw new IllegalStateException("listener fails");
                    },
                    delivery -> {
                        throw new IllegalStateException("error handler fails");
                    }, ListenerMetrics.none("dying"));
            container.start();
            lucidMQ.producer().send(ProducerRecord.of("t", "poison"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> container.getState() == ContainerState.FAILED);

            Health health = new LucidHealthIndicator(lucidMQ, DataSize.ofBytes(0),
                    () -> List.<LucidListenerContainer>of(container)).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("problems"))
                    .isEqualTo(List.of("listener container dying failed"));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> containers =
                    (Map<String, Map<String, Object>>) health.getDetails().get("containers");
            assertThat(containers.get("dying")).containsEntry("state", "FAILED")
                    .containsEntry("failure",
                            "java.lang.IllegalStateException: error handler fails");
            container.stop();
        }
    }

    @Test
    void pathThatIsNotADirectoryIsNotWritable() throws Exception {
        Path file = Files.writeString(directory.resolve("file"), "x");

        assertThat(LucidHealthIndicator.isWritableDirectory(file)).isFalse();
        assertThat(LucidHealthIndicator.isWritableDirectory(directory.resolve("missing")))
                .isFalse();
        assertThat(LucidHealthIndicator.isWritableDirectory(directory)).isTrue();
    }
}
