package io.lucidmq.benchmarks.spring;

import java.nio.file.Path;

/** The starter's configuration properties ({@code lucidmq.*}) the benchmarks set. */
final class SpringProperties {

    /** The data directory. */
    static final String DIRECTORY = "lucidmq.directory";

    /** The instance's durability policy. */
    static final String DURABILITY = "lucidmq.durability";

    /** When listener containers commit offsets. */
    static final String ACK_MODE = "lucidmq.listener.ack-mode";

    private SpringProperties() {
    }

    /** Returns the property that points the starter at {@code directory}. */
    static String directory(Path directory) {
        return DIRECTORY + "=" + directory;
    }

    /** Returns the property that provisions {@code topic} with {@code partitions}. */
    static String topicPartitions(String topic, int partitions) {
        return "lucidmq.topics." + topic + ".partitions=" + partitions;
    }
}
