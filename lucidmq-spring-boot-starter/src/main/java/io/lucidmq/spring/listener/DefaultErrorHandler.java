package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The default error handler: retries a failed delivery in place, waiting the intervals of a
 * Spring {@link BackOff} ({@link FixedBackOff} or
 * {@link org.springframework.util.backoff.ExponentialBackOff}) between attempts, then hands
 * each record to a {@link ConsumerRecordRecoverer}.
 *
 * <p>Failures that a retry cannot fix go to the recoverer at once: message conversion and
 * argument resolution failures ({@link MessageConversionException},
 * {@link MethodArgumentResolutionException}, {@link ConversionException},
 * {@link ClassCastException}) and any type added with {@link #addNotRetryableExceptions},
 * found anywhere in the cause chain. The back-off is bounded, so a poison record blocks its
 * partition for at most the back-off's total time.
 *
 * <p>A stop during a back-off wait returns {@link ErrorOutcome#REDELIVER}, so the records are
 * redelivered after a restart and never skipped. A recoverer that throws is logged and also
 * returns {@code REDELIVER}; the records then go through the whole cycle again.
 *
 * <p>Thread-safe once configured.
 */
public class DefaultErrorHandler implements LucidErrorHandler {

    /** Default back-off: 1 second between attempts, 3 attempts in all. */
    public static final long DEFAULT_INTERVAL_MS = 1000;

    /** Default number of retries after the first attempt. */
    public static final long DEFAULT_RETRIES = 2;

    private static final Logger logger = LoggerFactory.getLogger(DefaultErrorHandler.class);

    private final ConsumerRecordRecoverer recoverer;
    private final BackOff backOff;
    private final Set<Class<? extends Throwable>> notRetryable = new LinkedHashSet<>(List.of(
            MessageConversionException.class, MethodArgumentResolutionException.class,
            ConversionException.class, ClassCastException.class));

    /** Creates a handler that logs and skips after the default back-off. */
    public DefaultErrorHandler() {
        this(new LoggingRecoverer(), new FixedBackOff(DEFAULT_INTERVAL_MS, DEFAULT_RETRIES));
    }

    /** Creates a handler that retries per {@code backOff}, then calls {@code recoverer}. */
    public DefaultErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
        this.recoverer = Objects.requireNonNull(recoverer, "recoverer");
        this.backOff = Objects.requireNonNull(backOff, "backOff");
    }

    /** Adds exception types that go to the recoverer without retries. */
    @SafeVarargs
    public final void addNotRetryableExceptions(Class<? extends Throwable>... types) {
        for (Class<? extends Throwable> type : types) {
            notRetryable.add(Objects.requireNonNull(type, "exception type"));
        }
    }

    /** Returns the recoverer that takes records after the last attempt. */
    public ConsumerRecordRecoverer getRecoverer() {
        return recoverer;
    }

    /** Returns the back-off between attempts. */
    public BackOff getBackOff() {
        return backOff;
    }

    @Override
    public ErrorOutcome handle(FailedDelivery delivery) {
        Exception last = delivery.exception();
        boolean retryable = isRetryable(last);
        logger.warn("[{}] Listener failed on {}; {}", delivery.listenerId(),
                describe(delivery.records()), retryable ? "retrying per " + backOff
                        : "not retryable, recovering at once", last);
        if (retryable) {
            BackOffExecution execution = backOff.start();
            long interval = execution.nextBackOff();
            while (interval != BackOffExecution.STOP) {
                if (!delivery.awaitBackOff(interval)) {
                    logger.info("[{}] Stopping during back-off; {} will be delivered again",
                            delivery.listenerId(), describe(delivery.records()));
                    return ErrorOutcome.REDELIVER;
                }
                delivery.metrics().countRetry(delivery.records().get(0).topic());
                try {
                    delivery.retry();
                    return ErrorOutcome.RETRIED;
                } catch (Exception ex) {
                    last = ex;
                    logger.debug("[{}] Attempt {} failed for {}", delivery.listenerId(),
                            delivery.attempts(), describe(delivery.records()), ex);
                }
                interval = isRetryable(last) ? execution.nextBackOff() : BackOffExecution.STOP;
            }
        }
        return recover(delivery, last);
    }

    /** Returns whether {@code exception} may succeed on a retry. */
    public boolean isRetryable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : notRetryable) {
                if (type.isInstance(cause)) {
                    return false;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }

    private ErrorOutcome recover(FailedDelivery delivery, Exception last) {
        for (ConsumerRecord record : delivery.records()) {
            try {
                recoverer.recover(record, last, delivery);
            } catch (RuntimeException ex) {
                // NOTE: a recoverer that fails every time (for example a dead-letter topic
                // that cannot be created) blocks the partition until it succeeds.
                logger.error("[{}] Recoverer failed for record {}@{}; it will be delivered "
                        + "again", delivery.listenerId(), record.topicPartition(),
                        record.offset(), ex);
                return ErrorOutcome.REDELIVER;
            }
        }
        return ErrorOutcome.RECOVERED;
    }

    private static String describe(List<ConsumerRecord> records) {
        ConsumerRecord first = records.get(0);
        String start = first.topicPartition() + "@" + first.offset();
        return records.size() == 1 ? "record " + start
                : "batch of " + records.size() + " records from " + start;
    }
}
