package io.lucidmq.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProducerRecordTest {

    @Test
    void stringFactoryKeepsNullAndEmptyApart() {
        assertThat(ProducerRecord.of("t", (String) null).value()).isNull();
        assertThat(ProducerRecord.of("t", "").value()).isEmpty();
    }

    @Test
    void builderRejectsNegativePartitionAndTimestamp() {
        assertThatThrownBy(() -> ProducerRecord.builder("t").partition(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> ProducerRecord.builder("t").timestamp(-5L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
    }
}
