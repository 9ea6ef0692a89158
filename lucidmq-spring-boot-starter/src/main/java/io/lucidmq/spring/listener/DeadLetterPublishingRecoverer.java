package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a failed record to a dead-letter topic, by default the record's topic followed by
 * {@value #DEFAULT_SUFFIX}, and waits until the send is acknowledged.
 *
 * <p>The dead-letter record keeps the original key, value, timestamp and headers, and adds
 * the {@code lucidmq_dlt*} headers of {@link LucidHeaders}: exception class, root cause class,
 * message and stack trace (cut at {@value #MAX_STACK_TRACE_CHARS} characters), and the
 * original topic, partition, offset, timestamp, consumer group and number of attempts. The
 * producer chooses the dead-letter partition from the key, or in turn without a key.
 *
 * <p>A failed or timed-out send throws {@link DeadLetterPublishingException}, so the
 * container delivers the record again; the dead-letter topic must exist or topics must be
 * created automatically. Thread-safe.
 */
public class DeadLetterPublishingRecoverer implements ConsumerRecordRecoverer {

    /** Default suffix of the dead-letter topic. */
    public static final String DEFAULT_SUFFIX = "-dlt";

    /** The maximum length of the stack trace header, in characters. */
    public static final int MAX_STACK_TRACE_CHARS = 16_384;

    private static final Logger logger =
            LoggerFactory.getLogger(DeadLetterPublishingRecoverer.class);

    private final LucidTemplate template;
    private final BiFunction<ConsumerRecord, Exception, String> destinationResolver;
    private Duration sendTimeout = Duration.ofSeconds(30);

    /** Creates a recoverer that publishes to {@code <topic>-dlt}. */
    public DeadLetterPublishingRecoverer(LucidTemplate template) {
        this(template, DEFAULT_SUFFIX);
    }

    /** Creates a recoverer that publishes to the record's topic followed by {@code suffix}. */
    public DeadLetterPublishingRecoverer(LucidTemplate template, String suffix) {
        this(template, suffixResolver(suffix));
    }

    /** Creates a recoverer that publishes to the topic {@code destinationResolver} returns. */
    public DeadLetterPublishingRecoverer(LucidTemplate template,
            BiFunction<ConsumerRecord, Exception, String> destinationResolver) {
        this.template = Objects.requireNonNull(template, "template");
        this.destinationResolver = Objects.requireNonNull(destinationResolver,
                "destinationResolver");
    }

    /** Sets how long to wait for the dead-letter send; default 30 seconds. */
    public void setSendTimeout(Duration sendTimeout) {
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "sendTimeout must be above zero, but was " + sendTimeout);
        }
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void recover(ConsumerRecord record, Exception exception, FailedDelivery delivery) {
        String destination = destinationResolver.apply(record, exception);
        ProducerRecord deadLetter = deadLetterRecord(destination, record, exception, delivery);
        try {
            template.send(deadLetter).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeadLetterPublishingException("interrupted while publishing "
                    + describe(record) + " to " + destination, ex);
        } catch (ExecutionException ex) {
            throw new DeadLetterPublishingException("failed to publish " + describe(record)
                    + " to " + destination, ex.getCause());
        } catch (TimeoutException ex) {
            throw new DeadLetterPublishingException("publishing " + describe(record) + " to "
                    + destination + " timed out after " + sendTimeout, ex);
        }
        delivery.metrics().countDeadLetter(record.topic());
        logger.warn("[{}] Published record {} to dead-letter topic {} after {} attempt(s)",
                delivery.listenerId(), describe(record), destination, delivery.attempts(),
                exception);
    }

    private static ProducerRecord deadLetterRecord(String destination, ConsumerRecord record,
            Exception exception, FailedDelivery delivery) {
        ProducerRecord.Builder builder = ProducerRecord.builder(destination)
                .key(record.key())
                .value(record.value())
                .timestamp(record.timestamp())
                .headers(record.headers())
                .header(LucidHeaders.DLT_EXCEPTION_FQCN, exception.getClass().getName());
        Throwable root = rootCause(exception);
        if (root != exception) {
            builder.header(LucidHeaders.DLT_EXCEPTION_CAUSE_FQCN, root.getClass().getName());
        }
        if (exception.getMessage() != null) {
            builder.header(LucidHeaders.DLT_EXCEPTION_MESSAGE, exception.getMessage());
        }
        return builder.header(LucidHeaders.DLT_EXCEPTION_STACKTRACE, stackTrace(exception))
                .header(LucidHeaders.DLT_ORIGINAL_TOPIC, record.topic())
                .header(LucidHeaders.DLT_ORIGINAL_PARTITION, Integer.toString(record.partition()))
                .header(LucidHeaders.DLT_ORIGINAL_OFFSET, Long.toString(record.offset()))
                .header(LucidHeaders.DLT_ORIGINAL_TIMESTAMP, Long.toString(record.timestamp()))
                .header(LucidHeaders.DLT_ORIGINAL_GROUP, delivery.groupId())
                .header(LucidHeaders.DLT_ATTEMPTS, Integer.toString(delivery.attempts()))
                .build();
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String stackTrace(Throwable exception) {
        StringWriter text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        return trace.length() <= MAX_STACK_TRACE_CHARS ? trace
                : trace.substring(0, MAX_STACK_TRACE_CHARS);
    }

    private static String describe(ConsumerRecord record) {
        return record.topicPartition() + "@" + record.offset();
    }

    private static BiFunction<ConsumerRecord, Exception, String> suffixResolver(
            String suffix) {
        if (suffix.isEmpty()) {
            throw new IllegalArgumentException("dead-letter suffix must not be empty, "
                    + "or failed records would go back to their own topic");
        }
        return (record, exception) -> record.topic() + suffix;
    }
}
