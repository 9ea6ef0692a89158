package io.lucidmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LucidTopicProvisionerTests {

    @TempDir
    Path directory;

    @Test
    void creationLogNamesEffectiveDurability(CapturedOutput output) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class))
                .withPropertyValues("lucidmq.directory=" + directory,
                        "lucidmq.durability=interval",
                        "lucidmq.topics.orders.partitions=2",
                        "lucidmq.topics.audit.durability=sync")
                .run(context -> assertThat(context).hasNotFailed());

        List<String> lines = output.getAll().lines()
                .filter(line -> line.contains("LucidTopicProvisioner - "))
                .toList();
        assertThat(lines).anyMatch(line -> line.contains("Created topic orders in "
                + directory.toAbsolutePath() + " with partitions=2, "));
        assertThat(lines).anyMatch(line -> line.contains("Created topic orders ")
                && line.endsWith(", durability=default (interval)"));
        assertThat(lines).anyMatch(line -> line.contains("Created topic audit ")
                && line.endsWith(", durability=sync"));
        assertThat(lines).noneMatch(line -> line.contains("durability=null"));
    }
}
