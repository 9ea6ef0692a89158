package io.lucidmq.spring.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.spring.autoconfigure.LucidAutoConfiguration;
import io.lucidmq.spring.autoconfigure.LucidListenerAutoConfiguration;
import io.lucidmq.spring.listener.AckMode;
import io.lucidmq.spring.listener.Acknowledgment;
import io.lucidmq.spring.listener.ContainerProperties;
import io.lucidmq.spring.listener.LucidListenerContainer;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ListenerRegistrationTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class,
                        LucidListenerAutoConfiguration.class))
                .withPropertyValues("lucidmq.directory=" + directory,
                        "lucidmq.listener.auto-startup=false");
    }

    @Test
    void attributesResolvePlaceholdersAndExpressions() {
        runner().withBean("configured", Configured.class)
                .withPropertyValues("app.topic=orders", "app.concurrency=2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LucidListenerContainer container = context
                            .getBean(LucidListenerEndpointRegistry.class)
                            .getListenerContainer("configured-orders");
                    assertThat(container).isNotNull();
                    ContainerProperties properties = container.getContainerProperties();
                    assertThat(properties.topics()).containsExactly("orders", "audit", "extra");
                    assertThat(properties.groupId()).isEqualTo("billing");
                    assertThat(properties.concurrency()).isEqualTo(2);
                    assertThat(properties.ackMode()).isEqualTo(AckMode.RECORD);
                    assertThat(container.isAutoStartup()).isFalse();
                });
    }

    @Test
    void defaultIdsAndRepeatedAnnotations() {
        runner().withBean("repeated", Repeated.class).run(context -> {
            assertThat(context).hasNotFailed();
            LucidListenerEndpointRegistry registry =
                    context.getBean(LucidListenerEndpointRegistry.class);
            assertThat(registry.getListenerContainerIds())
                    .containsExactlyInAnyOrder("repeated.onRecord", "repeated.onRecord-1");
            assertThat(registry.getListenerContainer("repeated.onRecord-1")
                    .getContainerProperties().topics()).containsExactly("second");
        });
    }

    @Test
    void acknowledgmentOutsideManualModeFails() {
        runner().withBean("badAck", BadAck.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("BadAck.onRecord of bean 'badAck'")
                    .hasMessageContaining("parameter 1 'acknowledgment' (Acknowledgment)")
                    .hasMessageContaining("needs ackMode MANUAL, but the ack mode is BATCH");
        });
    }

    @Test
    void secondPayloadParameterFailsStartup() {
        runner().withBean("twoPayloads", TwoPayloads.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("TwoPayloads.onRecord of bean 'twoPayloads'")
                    .hasMessageContaining("parameter 1 'second' (String)")
                    .hasMessageContaining("second payload parameter");
        });
    }

    @Test
    void batchListenerWithoutListFailsStartup() {
        runner().withBean("batchWithoutList", BatchWithoutList.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("parameter 0 'value' (String)")
                    .hasMessageContaining("must be a List in a batch listener");
        });
    }

    @Test
    void invalidConcurrencyFailsStartup() {
        runner().withBean("badConcurrency", BadConcurrency.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasMessageContaining("@LucidListener on BadConcurrency.onRecord")
                    .hasMessageContaining("concurrency 'zero' is invalid");
        });
    }

    @Test
    void duplicateIdFailsStartup() {
        runner().withBean("duplicates", Duplicates.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasMessageContaining("id 'same' is already registered");
        });
    }

    @Test
    void unknownErrorHandlerBeanFailsStartup() {
        runner().withBean("missingHandler", MissingHandler.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("noSuchHandler");
        });
    }

    static class Configured {

        @LucidListener(id = "configured-${app.topic}", topics = {"${app.topic}",
                "#{{'audit', 'extra'}}"}, groupId = "billing", concurrency = "${app.concurrency}",
                ackMode = "record")
        void onRecord(String value) {
        }
    }

    static class Repeated {

        @LucidListener(topics = "first")
        @LucidListener(topics = "second")
        void onRecord(String value) {
        }
    }

    static class BadAck {

        @LucidListener(topics = "t")
        void onRecord(String value, Acknowledgment acknowledgment) {
        }
    }

    static class TwoPayloads {

        @LucidListener(topics = "t")
        void onRecord(String first, String second) {
        }
    }

    static class BatchWithoutList {

        @LucidListener(topics = "t", batch = "true")
        void onBatch(String value) {
        }
    }

    static class BadConcurrency {

        @LucidListener(topics = "t", concurrency = "zero")
        void onRecord(String value) {
        }
    }

    static class Duplicates {

        @LucidListener(id = "same", topics = "a")
        void onA(String value) {
        }

        @LucidListener(id = "same", topics = "b")
        void onB(String value) {
        }
    }

    static class MissingHandler {

        @LucidListener(topics = "t", errorHandler = "noSuchHandler")
        void onRecord(List<String> values) {
        }
    }
}
