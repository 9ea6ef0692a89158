package io.lucidmq.spring.autoconfigure;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the topics under {@code lucidmq.topics} at startup, or checks that existing ones
 * have the requested settings. A mismatch throws {@link TopicMismatchException}, which stops
 * the startup; topics created before it stay.
 */
public class LucidTopicProvisioner implements InitializingBean {

    private static final Logger logger = LoggerFactory.getLogger(LucidTopicProvisioner.class);

    private final LucidMQ lucidMQ;
    private final Map<String, TopicConfig> topics;

    /** Creates a provisioner of {@code topics} in {@code lucidMQ}. */
    public LucidTopicProvisioner(LucidMQ lucidMQ, Map<String, TopicConfig> topics) {
        this.lucidMQ = lucidMQ;
        this.topics = Map.copyOf(topics);
    }

    @Override
    public void afterPropertiesSet() {
        topics.forEach(this::provision);
    }

    private void provision(String name, TopicConfig requested) {
        Optional<TopicDescription> existing = lucidMQ.describeTopic(name);
        if (existing.isPresent()) {
            TopicConfig config = existing.get().config();
            if (!config.equals(requested)) {
                throw new TopicMismatchException(name, lucidMQ.directory(), config, requested);
            }
            logger.debug("Topic {} exists with the requested settings {}", name,
                    describe(config));
            return;
        }
        lucidMQ.createTopic(name, requested);
        logger.info("Created topic {} in {} with {}", name, lucidMQ.directory(),
                describe(requested));
    }

    /** Formats {@code config}, naming the instance's policy when the topic has none. */
    private String describe(TopicConfig config) {
        String durability = config.durability() != null ? lowerCase(config.durability())
                : "default (" + lowerCase(lucidMQ.config().durability()) + ")";
        return "partitions=" + config.partitions() + ", segmentBytes=" + config.segmentBytes()
                + ", maxRecordBytes=" + config.maxRecordBytes() + ", retentionBytes="
                + config.retentionBytes() + ", retentionMs=" + config.retentionMs()
                + ", durability=" + durability;
    }

    private static String lowerCase(DurabilityPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }
}
