package io.lucidmq.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.DurabilityPolicy;
import org.junit.jupiter.api.Test;

class TopicConfigTest {

    @Test
    void builderAcceptsValuesInAnyOrder() {
        TopicConfig config = TopicConfig.builder().segmentBytes(4096).maxRecordBytes(1000)
                .partitions(3).retentionBytes(1_000_000).retentionMs(-1)
                .durability(DurabilityPolicy.OS).build();

        assertThat(config).isEqualTo(new TopicConfig(3, 4096, 1000, 1_000_000, -1,
                DurabilityPolicy.OS));
    }

    @Test
    void toBuilderStartsFromExistingValues() {
        TopicConfig base = TopicConfig.defaults().withPartitions(4);

        TopicConfig changed = base.toBuilder().segmentBytes(2048).maxRecordBytes(512).build();

        assertThat(changed.partitions()).isEqualTo(4);
        assertThat(changed.segmentBytes()).isEqualTo(2048);
        assertThat(changed.maxRecordBytes()).isEqualTo(512);
    }

    @Test
    void witherValidatesItsResult() {
        assertThatThrownBy(() -> TopicConfig.defaults().withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions must be at least 1, but was 0");
    }

    @Test
    void builderValidatesOnBuild() {
        TopicConfig.Builder builder = TopicConfig.builder().segmentBytes(4096);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segmentBytes 4096")
                .hasMessageContaining("maxRecordBytes " + TopicConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    @Test
    void toStringNamesInstanceDurabilityAsDefault() {
        assertThat(TopicConfig.defaults().toString()).contains("durability=default")
                .doesNotContain("null");
        assertThat(TopicConfig.defaults().withDurability(DurabilityPolicy.SYNC).toString())
                .contains("durability=SYNC");
    }
}
