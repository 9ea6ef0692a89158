package io.lucidmq.spring.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs the Spring Boot example of the README, so it cannot drift from the API. */
@SpringBootTest(classes = ReadmeExampleTests.App.class, properties = {
    "spring.main.web-application-type=none",
    "lucidmq.topics.orders.partitions=3",
    "lucidmq.listener.dead-letter.enabled=true"
})
@DirtiesContext
class ReadmeExampleTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidProperties(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.toString());
    }

    @Autowired
    OrderService orders;

    @Autowired
    Billing billing;

    @Test
    void placedOrderReachesBillingListener() {
        SendResult<Order> sent = orders.place(new Order("customer-42", 12.5)).join();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(billing.received).hasSize(1));
        assertThat(billing.received.get(0).order()).isEqualTo(new Order("customer-42", 12.5));
        assertThat(billing.received.get(0).partition()).isEqualTo(sent.metadata().partition());
        assertThat(billing.received.get(0).offset()).isEqualTo(sent.metadata().offset());
    }

    record Order(String customerId, double total) {
    }

    record Billed(Order order, int partition, long offset) {
    }

    static class OrderService {

        private final LucidTemplate template;

        OrderService(LucidTemplate template) {
            this.template = template;
        }

        CompletableFuture<SendResult<Order>> place(Order order) {
            return template.send("orders", order.customerId(), order);
        }
    }

    static class Billing {

        final List<Billed> received = new CopyOnWriteArrayList<>();

        @LucidListener(topics = "orders", groupId = "billing", concurrency = "3")
        void onOrder(Order order, @Header(LucidHeaders.RECEIVED_PARTITION) int partition,
                @Header(LucidHeaders.OFFSET) long offset) {
            received.add(new Billed(order, partition, offset));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({OrderService.class, Billing.class})
    static class App {
    }
}
