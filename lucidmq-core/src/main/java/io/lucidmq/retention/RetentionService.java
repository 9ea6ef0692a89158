package io.lucidmq.retention;

import io.lucidmq.LucidException;
import io.lucidmq.engine.ChangeSignal;
import io.lucidmq.engine.EngineLifecycle;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.topic.Topic;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each topic's retention limits ({@link TopicConfig#retentionBytes()} and
 * {@link TopicConfig#retentionMs()}, measured against the instance clock) to its partitions,
 * deleting whole sealed segments. The instance runs it on a named background thread every
 * {@link io.lucidmq.LucidConfig#retentionCheckInterval()} and on
 * {@link io.lucidmq.LucidMQ#enforceRetention()}.
 *
 * <p>Consumers whose position was deleted notice it at their next poll and move by their
 * reset policy. Runs are serialized; thread-safe.
 */
public final class RetentionService {

    private static final Logger logger = LoggerFactory.getLogger(RetentionService.class);

    private final TopicRegistry topics;
    private final Clock clock;
    private final EngineLifecycle lifecycle;
    private final ChangeSignal signal;

    /** Creates the retention runs of one instance. */
    public RetentionService(TopicRegistry topics, Clock clock, EngineLifecycle lifecycle,
            ChangeSignal signal) {
        this.topics = topics;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.signal = signal;
    }

    /**
     * Applies retention to every partition now. A partition that fails does not stop the
     * others; the first failure is rethrown at the end with the rest suppressed.
     *
     * @return the number of segments deleted
     */
    public synchronized int enforce() {
        int deleted = lifecycle.call(this::applyToAll);
        if (deleted > 0) {
            signal.publish();
        }
        return deleted;
    }

    private int applyToAll() {
        long now = clock.millis();
        int deleted = 0;
        LucidException failure = null;
        for (Topic topic : topics.all()) {
            TopicConfig config = topic.config();
            if (config.retentionBytes() == -1 && config.retentionMs() == -1) {
                continue;
            }
            for (PartitionLog log : topic.logs()) {
                try {
                    deleted += apply(log, config, now);
                } catch (RuntimeException e) {
                    if (topics.topic(topic.name()).orElse(null) != topic) {
                        logger.debug("Topic {} was deleted during retention", topic.name(), e);
                        break;
                    }
                    logger.error("Retention failed for partition {}", log.topicPartition(), e);
                    if (failure == null) {
                        failure = new LucidException("retention failed for partition "
                                + log.topicPartition(), e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return deleted;
    }

    private static int apply(PartitionLog log, TopicConfig config, long now) {
        long startBefore = log.startOffset();
        int deleted = log.applyRetention(config.retentionBytes(), config.retentionMs(), now);
        if (deleted > 0) {
            logger.info("Retention deleted {} segments of partition {}: start offset {} -> {}",
                    deleted, log.topicPartition(), startBefore, log.startOffset());
        }
        return deleted;
    }
}
