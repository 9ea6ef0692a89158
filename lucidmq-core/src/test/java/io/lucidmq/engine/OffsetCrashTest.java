package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.testing.ChildJvm;
import io.lucidmq.testing.CommittingConsumerMain;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetCrashTest {

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @Test
    void killedConsumerKeepsLastAcknowledgedCommit() throws Exception {
        long lastCommitted;
        try (ChildJvm child = ChildJvm.start(CommittingConsumerMain.class,
                logs.resolve("child.err"), directory.toString(), "events", "workers")) {
            Awaitility.await().atMost(120, TimeUnit.SECONDS)
                    .until(() -> child.countLines(OffsetCrashTest::isCommit) >= 100);
            child.kill();
            List<String> commits = child.lines().stream().filter(OffsetCrashTest::isCommit)
                    .toList();
            lastCommitted = Long.parseLong(commits.get(commits.size() - 1)
                    .substring(CommittingConsumerMain.COMMITTED_PREFIX.length()));
        }

        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer consumer = mq.consumer(ConsumerConfig.group("workers")
                        .topics("events").build())) {
            long committed = consumer.committed(new TopicPartition("events", 0)).orElseThrow();
            assertThat(committed).isBetween(lastCommitted, lastCommitted + 3);
            assertThat(mq.describeTopic("events").orElseThrow().partitions().get(0)
                    .endOffset()).isGreaterThanOrEqualTo(committed);
        }
    }

    private static boolean isCommit(String line) {
        return line.startsWith(CommittingConsumerMain.COMMITTED_PREFIX);
    }
}
