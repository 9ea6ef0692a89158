package io.lucidmq.sample.alerts;

import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Logs each alert of the {@code alerts} topic at warn level and adds it to the
 * {@link AlertHistory} behind {@code GET /alerts}. A record that is not a valid alert fails
 * conversion and goes to {@code alerts-dlt} without retries.
 */
@Component
public class AlertLogger {

    /** The consumer group and listener id of the alert logger. */
    public static final String GROUP_ID = "alert-logger";

    private static final Logger logger = LoggerFactory.getLogger(AlertLogger.class);

    private final AlertHistory history;

    AlertLogger(AlertHistory history) {
        this.history = history;
    }

    /** Logs {@code alert}, read with {@code key} at {@code offset} of {@code partition}. */
    @LucidListener(id = GROUP_ID, topics = Topics.ALERTS)
    public void onAlert(Alert alert,
            @Header(LucidHeaders.RECEIVED_KEY) String key,
            @Header(LucidHeaders.RECEIVED_PARTITION) int partition,
            @Header(LucidHeaders.OFFSET) long offset) {
        if (history.add(offset, alert)) {
            logger.warn("[alerts-{}@{}] Alert for {}: {}", partition, offset, key,
                    alert.describe());
        }
    }
}
