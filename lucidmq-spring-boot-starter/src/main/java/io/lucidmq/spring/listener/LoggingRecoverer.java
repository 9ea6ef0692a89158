package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default recoverer: logs the failed record with the exception at error level, counts it
 * in {@code lucidmq.listener.skipped} and skips it. Stateless and thread-safe.
 */
public final class LoggingRecoverer implements ConsumerRecordRecoverer {

    private static final Logger logger = LoggerFactory.getLogger(LoggingRecoverer.class);

    @Override
    public void recover(ConsumerRecord record, Exception exception, FailedDelivery delivery) {
        logger.error("[{}] Skipping record {}@{} after {} attempt(s)", delivery.listenerId(),
                record.topicPartition(), record.offset(), delivery.attempts(), exception);
        delivery.metrics().countSkipped(record.topic());
    }
}
