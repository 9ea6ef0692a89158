package io.lucidmq.sample.alerts;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.sample.topics.TailReader;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.autoconfigure.LucidTopicProvisioner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the {@link AlertHistory} and fills it with the newest alerts of the {@code alerts}
 * topic, so {@code GET /alerts} lists them after a restart. Records that are not valid alert
 * JSON are left out and logged.
 */
@Configuration(proxyBeanMethods = false)
class AlertHistoryLoader {

    private static final TopicPartition ALERTS = new TopicPartition(Topics.ALERTS, 0);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Logger logger = LoggerFactory.getLogger(AlertHistoryLoader.class);

    /** Creates the history; taking {@code topics} makes Spring create the topics first. */
    @Bean
    AlertHistory alertHistory(LucidMQ lucid, JsonMapper mapper, LucidTopicProvisioner topics) {
        AlertHistory history = new AlertHistory(AlertHistory.DEFAULT_CAPACITY);
        for (ConsumerRecord record : TailReader.readTail(lucid, ALERTS, history.capacity(),
                TIMEOUT)) {
            try {
                history.add(record.offset(), mapper.readValue(record.value(), Alert.class));
            } catch (JacksonException e) {
                logger.warn("Left the record at {}@{} out of the alert history: {}", ALERTS,
                        record.offset(), e.getOriginalMessage());
            }
        }
        logger.info("Loaded {} alerts from {}", history.newestFirst().size(), ALERTS);
        return history;
    }
}
