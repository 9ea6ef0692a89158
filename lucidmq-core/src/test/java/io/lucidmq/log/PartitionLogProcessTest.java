package io.lucidmq.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.record.ConsumerRecord;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogProcessTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void killedWriterLosesNoAcknowledgedRecord() throws Exception {
        Process child = ChildLogProcess.start(null, "append", directory.toString());
        long lastAcked = -1;
        List<String> unexpected = new ArrayList<>();
        try (BufferedReader output = ChildLogProcess.output(child)) {
            String line;
            while (lastAcked < 1500 && (line = output.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked = Long.parseLong(line.substring(6));
                } else if (!line.contains(" INFO ") && !line.contains("DEBUG")) {
                    unexpected.add(line);
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcked).as("child output: %s", unexpected).isGreaterThanOrEqualTo(1500);

        try (PartitionLog log = LogTestSupport.open(directory,
                LogTestSupport.config(16 * 1024))) {
            assertThat(log.endOffset()).isGreaterThan(lastAcked);
            List<ConsumerRecord> records = LogTestSupport.readAll(log);
            for (int i = 0; i <= lastAcked; i++) {
                assertThat(records.get(i).offset()).isEqualTo(i);
                assertThat(records.get(i).valueAsString()).isEqualTo("r" + i);
            }
            assertThat(log.segmentCount()).isGreaterThan(1);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void twoHundredPartitionsFitInLowFileLimit() throws Exception {
        Process child = ChildLogProcess.start("ulimit -n 256", "partitions",
                directory.toString(), "200");
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = ChildLogProcess.output(child)) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
            }
        }

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("child output: %s", lines).isZero();
        assertThat(lines).contains("ok");
    }
}
