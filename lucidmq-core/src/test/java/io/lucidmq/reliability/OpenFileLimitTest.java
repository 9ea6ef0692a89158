package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.testing.ChildJvm;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.PartitionDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 200 partitions with small segments in a child JVM limited to 256 open files
 * ({@code ulimit -n 256}), appending and then reading every sealed segment. The child
 * finishes with the read cache capped below the limit, explicitly or by default (on Linux a
 * quarter of the process's limit). It also finishes with a cap above the limit, because the
 * cache keeps fewer channels once the process runs out of descriptors, and logs that it
 * does. Every acknowledged record is there after reopen.
 */
class OpenFileLimitTest {

    private static final Logger logger = LoggerFactory.getLogger(OpenFileLimitTest.class);
    private static final int PARTITIONS = 200;
    private static final int ROUNDS = 15;

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @ParameterizedTest(name = "maxOpenSegmentFiles {0} (0 is the default)")
    @ValueSource(ints = {0, 64, 512})
    void lowFileLimitLosesNoAcknowledgedRecord(int maxOpenSegmentFiles) throws Exception {
        Path stdout = logs.resolve("child.out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "ulimit -n 256; exec \"$0\" -Xmx128m -XX:TieredStopAtLevel=1 -cp \"$CHILD_CP\" "
                        + ManyPartitionsMain.class.getName() + " \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                directory.toString(), Integer.toString(PARTITIONS), Integer.toString(ROUNDS),
                Integer.toString(maxOpenSegmentFiles))
                .redirectOutput(stdout.toFile())
                .redirectError(logs.resolve("child.err").toFile());
        builder.environment().put("CHILD_CP", ChildJvm.testClassPath());
        Process child = builder.start();
        try {
            assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("child finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(stdout);
        // The engine's log lines share the child's standard output, and a background thread
        // may log after the outcome line, so the outcome is the last line of the protocol.
        String outcome = lines.stream()
                .filter(line -> line.startsWith("ERROR ") || line.equals("DONE"))
                .reduce((earlier, later) -> later)
                .orElse("no outcome line");
        logger.info("Child with ulimit -n 256, {} partitions and maxOpenSegmentFiles {} ended "
                + "with exit code {}: {}", PARTITIONS, maxOpenSegmentFiles, child.exitValue(),
                outcome);
        assertThat(outcome).isEqualTo("DONE");
        if (maxOpenSegmentFiles > 256) {
            assertThat(lines).anyMatch(line -> line.contains("keeping at most"));
        }

        Map<String, String> acknowledged = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ");
                acknowledged.put(parts[1] + "@" + parts[2], ManyPartitionsMain.value(
                        Integer.parseInt(parts[1]), Integer.parseInt(parts[3])));
            }
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            Map<String, String> stored = new HashMap<>();
            for (PartitionDescription partition : mq.describeTopic("many").orElseThrow()
                    .partitions()) {
                TopicPartition topicPartition = new TopicPartition("many",
                        partition.partition());
                for (ConsumerRecord record : EngineTestSupport.readPartition(mq, topicPartition,
                        partition.endOffset())) {
                    stored.put(partition.partition() + "@" + record.offset(),
                            record.valueAsString());
                }
            }
            assertThat(acknowledged).isNotEmpty();
            assertThat(stored).containsAllEntriesOf(acknowledged);
        }
    }

}
