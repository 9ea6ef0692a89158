package io.lucidmq.cli;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Directories made with the core API for the command tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Creates {@code topic} with {@code partitions} partitions and the default settings. */
    static void createTopic(Path directory, String topic, int partitions) {
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            lucid.createTopic(topic, TopicConfig.defaults().withPartitions(partitions));
        }
    }

    /** Sends {@code records} in order, each waiting for its acknowledgement. */
    static void send(Path directory, ProducerRecord... records) {
        try (LucidMQ lucid = LucidMQ.open(directory);
                Producer producer = lucid.producer()) {
            for (ProducerRecord record : records) {
                producer.send(record);
            }
        }
    }

    /** Sends one record with {@code value} to partition 0 of {@code topic} per value. */
    static void sendValues(Path directory, String topic, String... values) {
        send(directory, Stream.of(values)
                .map(value -> ProducerRecord.builder(topic).partition(0).value(value).build())
                .toArray(ProducerRecord[]::new));
    }

    /** The committed offset of {@code group} in {@code topic}-{@code partition}, or empty. */
    static OptionalLong committed(Path directory, String group, String topic, int partition) {
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            TopicPartition wanted = new TopicPartition(topic, partition);
            return lucid.describeGroup(group).stream()
                    .flatMap(description -> description.partitions().stream())
                    .filter(state -> state.topicPartition().equals(wanted))
                    .map(GroupPartitionState::committedOffset)
                    .findFirst()
                    .orElse(OptionalLong.empty());
        }
    }

    /** The segment files ({@code *.log}) of one partition, sorted by name. */
    static List<Path> segmentFiles(Path directory, String topic, int partition) {
        Path partitionDirectory = directory.resolve("topics").resolve(topic)
                .resolve(Integer.toString(partition));
        try (Stream<Path> files = Files.list(partitionDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flips every bit of the byte at {@code position} of {@code file}. */
    static void flipByte(Path file, long position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[Math.toIntExact(position)] ^= (byte) 0xFF;
        Files.write(file, bytes);
    }
}
