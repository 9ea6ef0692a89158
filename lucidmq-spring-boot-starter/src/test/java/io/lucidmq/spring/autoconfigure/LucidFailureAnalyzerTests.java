package io.lucidmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DirectoryLockedException;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LucidFailureAnalyzerTests {

    private final LucidFailureAnalyzer analyzer = new LucidFailureAnalyzer();

    @Test
    void invalidPropertyNamesEverything() {
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("lucidConfig",
                "failed", new InvalidLucidPropertyException("lucidmq.segment-size", "512B",
                        "use a size from 1KB to 2147483647B")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("Invalid value '512B' for property "
                + "'lucidmq.segment-size': use a size from 1KB to 2147483647B");
        assertThat(analysis.getAction()).contains("'lucidmq.segment-size'")
                .contains("use a size from 1KB");
    }

    @Test
    void topicMismatchExplainsHowToResolve() {
        TopicConfig existing = TopicConfig.defaults().withPartitions(2);
        FailureAnalysis analysis = analyzer.analyze(new TopicMismatchException("orders",
                Path.of("/data"), existing, existing.withPartitions(6)));

        assertThat(analysis.getDescription()).contains("Topic 'orders' in /data")
                .contains("partitions=2").contains("partitions=6");
        assertThat(analysis.getAction()).contains("lucidmq.topics.orders");
    }

    @Test
    void topicNameConflictNamesBothTopics(@TempDir Path directory) {
        try (LucidMQ lucidMQ = LucidMQ.open(directory)) {
            lucidMQ.createTopic("Orders");
        }

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class))
                .withPropertyValues("lucidmq.directory=" + directory,
                        "lucidmq.topics.orders.partitions=1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());

                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("cannot create topic "
                            + "'orders'").contains("existing topic 'Orders'");
                    assertThat(analysis.getAction()).contains("Use the existing topic "
                            + "'Orders' where the application names 'orders'");
                });
    }

    @Test
    void lockedDirectoryPointsToOtherWriter() {
        FailureAnalysis analysis = analyzer.analyze(
                new DirectoryLockedException("/data is locked by pid 42"));

        assertThat(analysis.getDescription()).contains("/data is locked by pid 42");
        assertThat(analysis.getAction()).contains("lucidmq.directory");
    }

    @Test
    void otherFailuresAreLeftToBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }

    @Test
    void otherPrefixBindFailureIgnored() {
        new ApplicationContextRunner()
                .withUserConfiguration(OtherPropertiesConfiguration.class)
                .withPropertyValues("other.durability=bogus")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(analyzer.analyze(context.getStartupFailure())).isNull();
                });
    }

    @ConfigurationProperties("other")
    static class OtherProperties {

        private DurabilityPolicy durability = DurabilityPolicy.SYNC;

        public DurabilityPolicy getDurability() {
            return durability;
        }

        public void setDurability(DurabilityPolicy durability) {
            this.durability = durability;
        }
    }

    @EnableConfigurationProperties(OtherProperties.class)
    static class OtherPropertiesConfiguration {
    }
}
