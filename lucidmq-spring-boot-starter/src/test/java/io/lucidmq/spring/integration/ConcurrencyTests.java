package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.TopicPartition;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.listener.LucidListenerContainer;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = ConcurrencyTests.App.class, properties = {
    "spring.main.web-application-type=none",
    "lucidmq.topics.six.partitions=6"
})
@DirtiesContext
class ConcurrencyTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidProperties(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.toString());
    }

    @Autowired
    LucidTemplate template;

    @Autowired
    SpreadListener listener;

    @Autowired
    LucidListenerEndpointRegistry registry;

    @Test
    void threeConsumersSplitSixPartitions() {
        LucidListenerContainer container = registry.getListenerContainer("spread");
        assertThat(container).isNotNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Set<TopicPartition>> assignments = container.getAssignments();
            assertThat(assignments).containsOnlyKeys("spread-0", "spread-1", "spread-2");
            assertThat(assignments.values()).allSatisfy(set -> assertThat(set).hasSize(2));
        });

        for (int i = 0; i < 60; i++) {
            template.send(MessageBuilder.withPayload("record-" + i)
                    .setHeader(LucidHeaders.TOPIC, "six")
                    .setHeader(LucidHeaders.PARTITION, i % 6)
                    .build()).join();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listener.count).hasValue(60));
        Map<String, Set<Integer>> byThread = listener.partitionsByThread;
        assertThat(byThread).containsOnlyKeys("spread-0", "spread-1", "spread-2");
        assertThat(byThread.values()).allSatisfy(set -> assertThat(set).hasSize(2));
        Set<Integer> union = new HashSet<>();
        byThread.values().forEach(union::addAll);
        assertThat(union).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 6).boxed().collect(Collectors.toSet()));
    }

    static class SpreadListener {

        final AtomicInteger count = new AtomicInteger();
        final Map<String, Set<Integer>> partitionsByThread = new ConcurrentHashMap<>();

        @LucidListener(id = "spread", topics = "six", concurrency = "3")
        void onRecord(String value, @Header(LucidHeaders.RECEIVED_PARTITION) int partition) {
            partitionsByThread.computeIfAbsent(Thread.currentThread().getName(),
                    name -> ConcurrentHashMap.newKeySet()).add(partition);
            count.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SpreadListener.class)
    static class App {
    }
}
