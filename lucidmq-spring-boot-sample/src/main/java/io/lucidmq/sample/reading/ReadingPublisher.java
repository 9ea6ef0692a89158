package io.lucidmq.sample.reading;

import io.lucidmq.record.RecordMetadata;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Publishes readings to the {@code readings} topic as JSON, keyed by {@code host/metric}, so
 * all readings of one series go to one partition in order. Thread-safe.
 */
@Component
public class ReadingPublisher {

    /** The maximum time to wait until published readings are durable. */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final LucidTemplate template;

    /** Creates a publisher that sends through {@code template}. */
    public ReadingPublisher(LucidTemplate template) {
        this.template = template;
    }

    /**
     * Sends {@code readings} and waits until every one is durable.
     *
     * @return where each reading was written, in the order of {@code readings}
     * @throws PublishFailedException if a send failed or did not complete within
     *     {@link #SEND_TIMEOUT}; readings sent before the failure may be stored
     */
    public List<RecordMetadata> publish(List<Reading> readings) {
        List<CompletableFuture<SendResult<Reading>>> sends = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            sends.add(template.send(Topics.READINGS, reading.key(), reading));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while storing readings", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Storing readings failed: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Storing " + readings.size()
                    + " readings did not complete within " + SEND_TIMEOUT, e);
        }
        return sends.stream().map(send -> send.join().metadata()).toList();
    }
}
