package io.lucidmq.reliability;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations that {@link FailAtNTest} fails at every file operation: each prepares a
 * small directory without faults, then runs the operation under test with faults armed.
 */
enum FaultScenario {

    /** One SYNC send of one record. */
    APPEND_SINGLE(true) {
        @Override
        void operation(LucidMQ mq) {
            mq.producer().send(record(TOPIC, "appended", 40));
        }
    },

    /** One SYNC send of four records to one partition: one batch. */
    APPEND_BATCH(true) {
        @Override
        void operation(LucidMQ mq) {
            List<ProducerRecord> batch = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                batch.add(record(TOPIC, "batch-" + i, 40));
            }
            mq.producer().sendAll(batch);
        }
    },

    /** A send that does not fit in the active segment, so the segment rolls first. */
    SEGMENT_ROLL(true) {
        @Override
        void prepare(LucidMQ mq) {
            mq.createTopic(TOPIC, ROLL_CONFIG);
            Producer producer = mq.producer();
            producer.send(record(TOPIC, "first", 400));
            producer.send(record(TOPIC, "second", 400));
        }

        @Override
        void operation(LucidMQ mq) {
            mq.producer().send(record(TOPIC, "rolled", 400));
        }
    },

    /** A group member's commitSync. */
    OFFSET_COMMIT(true) {
        @Override
        void prepare(LucidMQ mq) {
            APPEND_SINGLE.prepare(mq);
            commit(mq, 1);
        }

        @Override
        void operation(LucidMQ mq) {
            commit(mq, 3);
        }
    },

    /** Creating a topic with two partitions. */
    TOPIC_CREATION(true) {
        @Override
        void operation(LucidMQ mq) {
            mq.createTopic("created", new TopicConfig(2, 4096, 1024, -1, -1, null));
        }
    },

    /**
     * Deleting a topic that a group has committed offsets for. Failures after the commit
     * point (the rename) may be logged instead of thrown; the deletion then counts as done.
     */
    TOPIC_DELETION(false) {
        @Override
        void prepare(LucidMQ mq) {
            APPEND_SINGLE.prepare(mq);
            commit(mq, 2);
            mq.createTopic("kept", SMALL_CONFIG);
            mq.producer().send(record("kept", "kept", 40));
        }

        @Override
        void operation(LucidMQ mq) {
            mq.deleteTopic(TOPIC);
        }
    },

    /** A retention run that deletes the older segments of a partition. */
    RETENTION(true) {
        @Override
        void prepare(LucidMQ mq) {
            mq.createTopic(TOPIC, ROLL_CONFIG.withRetentionBytes(1100));
            Producer producer = mq.producer();
            for (int i = 0; i < 7; i++) {
                producer.send(record(TOPIC, "r" + i, 400));
            }
        }

        @Override
        void operation(LucidMQ mq) {
            mq.enforceRetention();
        }
    },

    /** A clean close, which logs the failures of its steps rather than throwing them. */
    CLEAN_CLOSE(false) {
        @Override
        void operation(LucidMQ mq) {
            mq.close();
        }
    };

    static final String TOPIC = "faults";
    static final String GROUP = "faults-group";
    static final TopicConfig SMALL_CONFIG = new TopicConfig(1, 4096, 1024, -1, -1,
            DurabilityPolicy.SYNC);
    static final TopicConfig ROLL_CONFIG = new TopicConfig(1, 1024, 512, -1, -1,
            DurabilityPolicy.SYNC);

    private final boolean mustThrow;

    FaultScenario(boolean mustThrow) {
        this.mustThrow = mustThrow;
    }

    /**
     * Whether every injected failure must reach the caller as an exception. Otherwise an
     * operation that returns normally must have completed.
     */
    boolean mustThrow() {
        return mustThrow;
    }

    /** Builds the directory the operation starts from; by default a topic with 3 records. */
    void prepare(LucidMQ mq) {
        mq.createTopic(TOPIC, SMALL_CONFIG);
        Producer producer = mq.producer();
        for (int i = 0; i < 3; i++) {
            producer.send(record(TOPIC, "prepared-" + i, 40));
        }
    }

    /** Runs the operation under test. */
    abstract void operation(LucidMQ mq);

    static ProducerRecord record(String topic, String key, int valueBytes) {
        return ProducerRecord.builder(topic).partition(0).key(key)
                .value(key + "-" + "v".repeat(valueBytes)).build();
    }

    static void commit(LucidMQ mq, long offset) {
        try (Consumer member = mq.consumer(ConsumerConfig.group(GROUP).topics(TOPIC).build())) {
            member.commitSync(Map.of(new TopicPartition(TOPIC, 0), offset));
        }
    }
}
