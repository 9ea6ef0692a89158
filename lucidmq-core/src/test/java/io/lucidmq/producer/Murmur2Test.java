package io.lucidmq.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Murmur2Test {

    /**
     * Hashes of Kafka's murmur2 for these keys, as listed in the murmur2 tests of the KafkaEx
     * client, which takes them from Kafka's own utility tests.
     */
    private static final Map<String, Integer> KAFKA_HASHES = Map.of(
            "21", -973932308,
            "foobar", -790332482,
            "a-little-bit-long-string", -985981536,
            "a-little-bit-longer-string", -1486304829,
            "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971,
            "abc", 479470107);

    @Test
    void hashMatchesKafkaValues() {
        KAFKA_HASHES.forEach((key, expected) ->
                assertThat(Murmur2.hash(key.getBytes(StandardCharsets.UTF_8)))
                        .as("murmur2 of '%s'", key).isEqualTo(expected));
    }

    @Test
    void partitionIsPositiveHashModCount() {
        byte[] key = "foobar".getBytes(StandardCharsets.UTF_8);

        assertThat(Murmur2.partition(key, 7)).isEqualTo((-790332482 & 0x7fffffff) % 7);
        assertThat(Murmur2.partition(new byte[0], 3)).isBetween(0, 2);
    }

    @Test
    void partitionSpreadsManyKeys() {
        int[] counts = new int[8];
        for (int i = 0; i < 8000; i++) {
            counts[Murmur2.partition(("key-" + i).getBytes(StandardCharsets.UTF_8), 8)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(800, 1200);
        }
    }
}
