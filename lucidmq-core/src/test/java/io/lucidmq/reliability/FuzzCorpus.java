package io.lucidmq.reliability;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.testing.MutableClock;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A directory written once by the engine for the corruption fuzzer to copy and damage: one
 * topic partition of several sealed segments and an active one, holding records with random
 * keys, values and headers (null and empty included), and a consumer group with three commits,
 * so that both {@code offsets} and {@code offsets.prev} exist. It is left either closed
 * cleanly or as a crash would leave it. Immutable after {@link #write}.
 *
 * @param directory the written directory
 * @param records the image of every record, by offset
 * @param segmentBaseOffsets the base offsets of the segments, oldest first
 * @param batches the batches of each segment log file, by base offset of the segment
 * @param lastCommit the offset of the group's last commit
 * @param previousCommit the offset of the commit before it
 */
record FuzzCorpus(Path directory, TreeMap<Long, RecordImage> records,
        List<Long> segmentBaseOffsets, Map<Long, List<Batch>> batches, long lastCommit,
        long previousCommit) {

    static final String TOPIC = "fuzz";
    static final String GROUP = "fuzz-group";
    static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    static final TopicConfig TOPIC_CONFIG = new TopicConfig(1, 16 * 1024, 1024, -1, -1, null);

    private static final int RECORDS = 420;
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    /**
     * One batch of a segment log file, as its header gives it.
     *
     * @param position the byte position in the file
     * @param length the batch length in bytes
     * @param baseOffset the offset of its first record
     * @param recordCount the number of records
     */
    record Batch(long position, int length, long baseOffset, int recordCount) {

        long end() {
            return position + length;
        }
    }

    /** The configuration that every open of a corpus copy uses. */
    static LucidConfig config(Path directory) {
        return LucidConfig.builder(directory).durability(DurabilityPolicy.SYNC)
                .clock(new MutableClock(START.plus(Duration.ofDays(1))))
                .retentionCheckInterval(Duration.ofHours(1)).build();
    }

    /** Returns the partition directory of the corpus topic under {@code root}. */
    static Path partitionDirectory(Path root) {
        return root.resolve("topics").resolve(TOPIC).resolve("0");
    }

    /**
     * Writes a corpus to {@code directory}: closed cleanly, or with {@code crashed} copied
     * from the running instance to {@code directory} as a crash would leave it.
     */
    static FuzzCorpus write(Path directory, boolean crashed, long seed) {
        Random random = new Random(seed);
        Path live = crashed ? directory.resolveSibling(directory.getFileName() + "-live")
                : directory;
        MutableClock clock = new MutableClock(START);
        LucidConfig config = LucidConfig.builder(live).durability(DurabilityPolicy.SYNC)
                .clock(clock).retentionCheckInterval(Duration.ofHours(1)).build();
        long[] commits = {100, 200, 300};
        TreeMap<Long, RecordImage> images = new TreeMap<>();
        LucidMQ mq = LucidMQ.open(config);
        try {
            mq.createTopic(TOPIC, TOPIC_CONFIG);
            Producer producer = mq.producer();
            int sent = 0;
            while (sent < RECORDS) {
                int batchSize = 1 + random.nextInt(4);
                List<ProducerRecord> batch = new ArrayList<>();
                for (int i = 0; i < batchSize; i++) {
                    batch.add(randomRecord(random));
                }
                producer.sendAll(batch);
                clock.advance(Duration.ofMillis(1 + random.nextInt(50)));
                sent += batchSize;
            }
            try (Consumer member = mq.consumer(ConsumerConfig.group(GROUP).topics(TOPIC)
                    .build())) {
                for (long commit : commits) {
                    member.commitSync(Map.of(PARTITION, commit));
                }
            }
            for (ConsumerRecord record : EngineTestSupport.readAll(mq, TOPIC)) {
                images.put(record.offset(), RecordImage.of(record));
            }
            if (crashed) {
                DirectoryCopy.copy(live, directory);
            }
        } finally {
            mq.close();
            if (crashed) {
                DirectoryCopy.delete(live);
            }
        }
        return describe(directory, images, commits[2], commits[1]);
    }

    private static FuzzCorpus describe(Path directory, TreeMap<Long, RecordImage> images,
            long lastCommit, long previousCommit) {
        Path partition = partitionDirectory(directory);
        try {
            List<Long> baseOffsets = SegmentFiles.listBaseOffsets(partition);
            Map<Long, List<Batch>> batches = new TreeMap<>();
            for (long baseOffset : baseOffsets) {
                batches.put(baseOffset, readBatches(SegmentFiles.logFile(partition, baseOffset)));
            }
            return new FuzzCorpus(directory, images, baseOffsets, batches, lastCommit,
                    previousCommit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Frames the batches of a log file by their headers (base offset int64 at byte 0, length
     * int32 at byte 8, record count int32 at byte 17) up to the first zero length.
     */
    static List<Batch> readBatches(Path logFile) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(logFile));
        List<Batch> batches = new ArrayList<>();
        int position = 0;
        while (position + 21 <= bytes.limit() && bytes.getInt(position + 8) != 0) {
            int length = bytes.getInt(position + 8);
            batches.add(new Batch(position, length, bytes.getLong(position),
                    bytes.getInt(position + 17)));
            position += length;
        }
        return batches;
    }

    private static ProducerRecord randomRecord(Random random) {
        ProducerRecord.Builder builder = ProducerRecord.builder(TOPIC)
                .key(randomBytes(random, 24))
                .value(randomBytes(random, 300));
        int headers = random.nextInt(3);
        for (int i = 0; i < headers; i++) {
            builder.header("h" + random.nextInt(3), randomBytes(random, 12));
        }
        return builder.build();
    }

    /** Returns null one time in ten, empty one in ten, otherwise 1 to {@code max} bytes. */
    private static byte[] randomBytes(Random random, int max) {
        int choice = random.nextInt(10);
        if (choice == 0) {
            return null;
        }
        byte[] bytes = new byte[choice == 1 ? 0 : 1 + random.nextInt(max)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The base offset of the newest segment. */
    long newestBaseOffset() {
        return segmentBaseOffsets.get(segmentBaseOffsets.size() - 1);
    }

    /** The offset after the last record. */
    long endOffset() {
        return records.lastKey() + 1;
    }
}
