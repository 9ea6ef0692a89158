package io.lucidmq.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.backoff.FixedBackOff;

class ListenerContainerTests {

    @TempDir
    Path directory;

    private LucidMQ lucidMQ;
    private final List<ConcurrentLucidListenerContainer> containers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        lucidMQ = LucidMQ.open(directory);
        lucidMQ.createTopic("jobs");
    }

    @AfterEach
    void close() {
        containers.forEach(ConcurrentLucidListenerContainer::stop);
        lucidMQ.close();
    }

    @Test
    void stopCallbackRunsWhenNeverStarted() {
        ConcurrentLucidListenerContainer container = container((record, ack) -> { },
                new DefaultErrorHandler());
        CountDownLatch stopped = new CountDownLatch(1);

        container.stop(stopped::countDown);

        assertThat(stopped.getCount()).isZero();
        assertThat(container.getState()).isEqualTo(ContainerState.STOPPED);
    }

    @Test
    void stopWakesBackOffAndRedelivers() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        DefaultErrorHandler slowRetries = new DefaultErrorHandler(new LoggingRecoverer(),
                new FixedBackOff(60_000, 5));
        ConcurrentLucidListenerContainer failing = container((record, ack) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("always fails");
        }, slowRetries);
        failing.start();
        send("job-0");
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 1);

        CountDownLatch stopped = new CountDownLatch(1);
        long start = System.nanoTime();
        failing.stop(stopped::countDown);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(committed()).isEmpty();

        List<String> delivered = new CopyOnWriteArrayList<>();
        container((record, ack) -> delivered.add(record.valueAsString()),
                new DefaultErrorHandler()).start();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(delivered).containsExactly("job-0"));
    }

    @Test
    void pausedContainerDeliversNothing() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        ConcurrentLucidListenerContainer container = container(
                (record, ack) -> delivered.add(record.valueAsString()), new DefaultErrorHandler());
        container.start();
        container.pause();
        await().atMost(Duration.ofSeconds(5)).until(container::isPaused);
        assertThat(container.getState()).isEqualTo(ContainerState.PAUSED);

        send("while-paused");
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(delivered).isEmpty());

        container.resume();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(delivered).containsExactly("while-paused"));
        assertThat(container.getState()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void deadThreadFailsContainer() throws Exception {
        LucidErrorHandler broken = delivery -> {
            throw new IllegalStateException("error handler bug");
        };
        ConcurrentLucidListenerContainer container = container((record, ack) -> {
            throw new IllegalArgumentException("listener failure");
        }, broken);
        container.start();
        send("poison");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> container.getState() == ContainerState.FAILED);
        assertThat(container.getFailure()).map(Throwable::getMessage)
                .isEqualTo(Optional.of("error handler bug"));
        assertThat(committed()).isEmpty();

        CountDownLatch stopped = new CountDownLatch(1);
        container.stop(stopped::countDown);
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void recordAckModeCommitsEachRecord() {
        List<Long> offsetsSeenCommitted = new CopyOnWriteArrayList<>();
        ConcurrentLucidListenerContainer container = new ConcurrentLucidListenerContainer(
                lucidMQ, "jobs-listener",
                ContainerProperties.builder("jobs-listener", List.of("jobs"))
                        .ackMode(AckMode.RECORD).build(),
                (RecordListener) (record, ack) -> offsetsSeenCommitted.add(
                        committed().orElse(-1)),
                new DefaultErrorHandler(), ListenerMetrics.none("jobs-listener"));
        containers.add(container);
        lucidMQ.producer().sendAll(List.of(ProducerRecord.of("jobs", "a"),
                ProducerRecord.of("jobs", "b"), ProducerRecord.of("jobs", "c")));
        container.start();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(offsetsSeenCommitted).hasSize(3));
        assertThat(offsetsSeenCommitted).containsExactly(-1L, 1L, 2L);
    }

    private ConcurrentLucidListenerContainer container(RecordListener listener,
            LucidErrorHandler errorHandler) {
        ConcurrentLucidListenerContainer container = new ConcurrentLucidListenerContainer(
                lucidMQ, "jobs-listener",
                ContainerProperties.builder("jobs-listener", List.of("jobs")).build(),
                listener, errorHandler, ListenerMetrics.none("jobs-listener"));
        containers.add(container);
        return container;
    }

    private void send(String value) {
        lucidMQ.producer().send(ProducerRecord.of("jobs", value));
    }

    private OptionalLong committed() {
        return lucidMQ.describeGroup("jobs-listener")
                .flatMap(group -> group.partitions().stream()
                        .filter(state -> state.topicPartition()
                                .equals(new TopicPartition("jobs", 0)))
                        .findFirst())
                .map(GroupPartitionState::committedOffset)
                .orElse(OptionalLong.empty());
    }
}
