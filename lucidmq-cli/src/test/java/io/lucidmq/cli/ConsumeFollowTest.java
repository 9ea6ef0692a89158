package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeFollowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
        Fixtures.createTopic(directory, "orders", 1);
        Fixtures.sendValues(directory, "orders", "before");
    }

    @Test
    void followPrintsNewRecordsUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (LucidMQ writer = LucidMQ.open(directory);
                Producer producer = writer.producer()) {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> cli.runInto(out, err, "consume", "orders", "--follow"));
            await().atMost(WAIT).until(() -> out.toString().equals("before\n"));

            producer.send(ProducerRecord.of("orders", "after"));
            await().atMost(WAIT).until(() -> out.toString().equals("before\nafter\n"));
            assertThat(exit).isNotDone();
            cli.interrupts().fire();

            assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(0);
        }
        assertThat(err.toString()).isEmpty();
        assertThat(cli.interrupts().hasRegistration()).isFalse();
    }

    @Test
    void followWithGroupCommitsWhatItPrinted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.runInto(out, err, "consume", "orders", "--group", "tail", "--follow"));
        await().atMost(WAIT).until(() -> out.toString().equals("before\n"));

        cli.interrupts().fire();

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString())
                .isEqualTo(0);
        assertThat(Fixtures.committed(directory, "tail", "orders", 0)).hasValue(1);
    }
}
