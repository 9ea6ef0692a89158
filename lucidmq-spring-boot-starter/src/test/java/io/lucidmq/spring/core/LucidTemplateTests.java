package io.lucidmq.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidMQ;
import io.lucidmq.RecordTooLargeException;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucidTemplateTests {

    @TempDir
    Path directory;

    private LucidMQ lucidMQ;
    private LucidTemplate template;

    @BeforeEach
    void open() {
        lucidMQ = LucidMQ.open(directory);
        template = new LucidTemplate(lucidMQ.producer(), new RecordMessageConverter());
    }

    @AfterEach
    void close() {
        template.close();
        lucidMQ.close();
    }

    @Test
    void sendCompletesWithRecordMetadata() {
        SendResult<String> first = template.send("t", "k", "a").join();
        SendResult<String> second = template.send("t", "k", "b").join();

        assertThat(first.metadata().topic()).isEqualTo("t");
        assertThat(first.metadata().offset()).isZero();
        assertThat(second.metadata().offset()).isEqualTo(1);
        assertThat(second.message().getPayload()).isEqualTo("b");
        assertThat(second.producerRecord().key()).isEqualTo("k".getBytes());
    }

    @Test
    void nullPayloadSendsNullValue() {
        SendResult<Object> result = template.send("t", "k", null).join();

        assertThat(result.message()).isNull();
        assertThat(result.producerRecord().value()).isNull();
        try (var consumer = lucidMQ.consumer(io.lucidmq.consumer.ConsumerConfig.group("g")
                .topics("t").build())) {
            ConsumerRecord record = consumer.poll(java.time.Duration.ofSeconds(5)).iterator()
                    .next();
            assertThat(record.value()).isNull();
            assertThat(record.keyAsString()).isEqualTo("k");
        }
    }

    @Test
    void sendDefaultNeedsDefaultTopic() {
        assertThatThrownBy(() -> template.sendDefault("v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lucidmq.template.default-topic");

        template.setDefaultTopic("defaults");
        assertThat(template.sendDefault("v").join().metadata().topic()).isEqualTo("defaults");
    }

    @Test
    void tooLargeRecordFailsTheFuture() {
        lucidMQ.createTopic("small", TopicConfig.defaults().withMaxRecordBytes(100)
                .withSegmentBytes(TopicConfig.MIN_SEGMENT_BYTES));

        CompletableFuture<SendResult<String>> future = template.send("small", "x".repeat(500));

        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(RecordTooLargeException.class);
    }
}
