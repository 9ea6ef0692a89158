package io.lucidmq.sample.alerts;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.sample.SampleProperties;
import io.lucidmq.sample.reading.Reading;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks readings against {@code sample.thresholds} in batches and publishes an {@link Alert}
 * to the {@code alerts} topic when a series crosses a limit ({@link BreachTracker}).
 *
 * <p>The listener receives the raw records of each poll and parses them itself. A record that
 * is not a valid reading is logged and skipped here, because the statistics aggregator
 * already sends it to {@code readings-dlt}, and a second copy there would count it twice.
 *
 * <p>The batch is committed only after its alerts are durable, so a crash loses no alert. A
 * batch delivered again after a crash may publish an alert twice. When publishing fails, the
 * default error handler retries the batch and then sends its records to {@code readings-dlt}.
 */
@Component
public class ThresholdChecker {

    /** The consumer group and listener id of the checker. */
    public static final String GROUP_ID = "threshold-checker";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger logger = LoggerFactory.getLogger(ThresholdChecker.class);

    private final BreachTracker breaches;
    private final LucidTemplate template;
    private final JsonMapper mapper;

    ThresholdChecker(SampleProperties properties, LucidTemplate template, JsonMapper mapper) {
        this.breaches = new BreachTracker(new ThresholdRules(properties.thresholds()));
        this.template = template;
        this.mapper = mapper;
        logger.info("Checking readings against thresholds {}", properties.thresholds());
    }

    /**
     * Checks one batch of readings and waits until their alerts are durable.
     *
     * @throws IllegalStateException if an alert could not be published
     */
    @LucidListener(id = GROUP_ID, topics = Topics.READINGS, batch = "true")
    public void onReadings(List<ConsumerRecord> records) {
        List<CompletableFuture<SendResult<Alert>>> sends = new ArrayList<>();
        for (ConsumerRecord record : records) {
            parse(record).flatMap(breaches::check).ifPresent(alert ->
                    sends.add(template.send(Topics.ALERTS, alert.key(), alert)));
        }
        logger.debug("Checked {} readings, {} alerts", records.size(), sends.size());
        awaitAll(sends);
    }

    private Optional<Reading> parse(ConsumerRecord record) {
        try {
            return Optional.of(mapper.readValue(record.value(), Reading.class));
        } catch (JacksonException e) {
            logger.warn("[{}] Skipped the record at {}@{}: not a valid reading: {}", GROUP_ID,
                    record.topicPartition(), record.offset(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static void awaitAll(List<CompletableFuture<SendResult<Alert>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing alerts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing " + sends.size() + " alerts failed", e);
        }
    }
}
