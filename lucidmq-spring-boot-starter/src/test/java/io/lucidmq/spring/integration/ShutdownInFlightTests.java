package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Closes a context while its listener is in the middle of a poll's records, then checks on
 * the directory that every processed record was committed before the instance closed, and
 * that a restart delivers exactly the rest.
 */
class ShutdownInFlightTests {

    private static final int RECORDS = 200;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"BATCH", "RECORD"})
    void closeInFlightLosesAndRepeatsNothing(String ackMode) {
        try (LucidMQ lucidMQ = LucidMQ.open(directory)) {
            List<ProducerRecord> records = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                records.add(ProducerRecord.of("work", "job-" + i));
            }
            lucidMQ.producer().sendAll(records);
        }

        List<Long> firstRun;
        try (ConfigurableApplicationContext context = start(ackMode)) {
            SlowListener listener = context.getBean(SlowListener.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> listener.offsets.size() >= 20);
            context.close();
            firstRun = List.copyOf(listener.offsets);
        }
        assertThat(firstRun.size()).isLessThan(RECORDS);
        assertThat(firstRun).containsExactlyElementsOf(
                LongStream.range(0, firstRun.size()).boxed().toList());
        assertThat(committedOffset()).isEqualTo(firstRun.size());

        List<Long> secondRun;
        try (ConfigurableApplicationContext context = start(ackMode)) {
            SlowListener listener = context.getBean(SlowListener.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> listener.offsets.size() == RECORDS - firstRun.size());
            secondRun = List.copyOf(listener.offsets);
        }
        assertThat(secondRun).containsExactlyElementsOf(
                LongStream.range(firstRun.size(), RECORDS).boxed().toList());
        assertThat(committedOffset()).isEqualTo(RECORDS);
    }

    private long committedOffset() {
        try (LucidMQ lucidMQ = LucidMQ.open(directory)) {
            return lucidMQ.describeGroup("work").orElseThrow().partitions().stream()
                    .map(GroupPartitionState::committedOffset)
                    .findFirst().orElseThrow().orElseThrow();
        }
    }

    private ConfigurableApplicationContext start(String ackMode) {
        return new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("lucidmq.directory=" + directory,
                        "lucidmq.listener.ack-mode=" + ackMode)
                .run();
    }

    static class SlowListener {

        final List<Long> offsets = new CopyOnWriteArrayList<>();

        @LucidListener(id = "work", topics = "work")
        void onJob(String job, @Header(LucidHeaders.OFFSET) long offset) {
            // Simulated work, so that the context closes while records are in hand.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            offsets.add(offset);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SlowListener.class)
    static class App {
    }
}
