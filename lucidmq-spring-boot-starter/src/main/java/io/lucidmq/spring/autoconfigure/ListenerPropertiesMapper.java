package io.lucidmq.spring.autoconfigure;

import io.lucidmq.spring.listener.ConcurrentLucidListenerContainerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Maps {@code lucidmq.listener.*} to the container factory's defaults and to the back-off of
 * the default error handler, checking every value.
 */
final class ListenerPropertiesMapper {

    private static final String PREFIX = "lucidmq.listener.";

    private ListenerPropertiesMapper() {
    }

    /** Applies the listener defaults to {@code factory}. */
    static void applyTo(LucidProperties.Listener listener,
            ConcurrentLucidListenerContainerFactory factory) {
        factory.setConcurrency(PropertyChecks.atLeast(PREFIX + "concurrency",
                listener.getConcurrency(), 1));
        factory.setPollTimeout(PropertyChecks.positive(PREFIX + "poll-timeout",
                listener.getPollTimeout()));
        factory.setMaxPollRecords(PropertyChecks.atLeast(PREFIX + "max-poll-records",
                listener.getMaxPollRecords(), 1));
        factory.setAckMode(listener.getAckMode());
        factory.setAutoStartup(listener.isAutoStartup());
        factory.setOffsetReset(listener.getOffsetReset());
        factory.setShutdownTimeout(PropertyChecks.positive(PREFIX + "shutdown-timeout",
                listener.getShutdownTimeout()));
    }

    /**
     * Returns the back-off between attempts: fixed when the multiplier is 1, else
     * exponential up to the maximum interval. Both stop after {@code max-attempts - 1}
     * retries.
     */
    static BackOff backOff(LucidProperties.Retry retry) {
        int retries = PropertyChecks.atLeast(PREFIX + "retry.max-attempts",
                retry.getMaxAttempts(), 1) - 1;
        long interval = PropertyChecks.notNegative(PREFIX + "retry.interval",
                retry.getInterval()).toMillis();
        double multiplier = PropertyChecks.atLeast(PREFIX + "retry.multiplier",
                retry.getMultiplier(), 1.0);
        long maxInterval = PropertyChecks.notNegative(PREFIX + "retry.max-interval",
                retry.getMaxInterval()).toMillis();
        if (maxInterval < interval) {
            throw new InvalidLucidPropertyException(PREFIX + "retry.max-interval",
                    PropertyChecks.formatDuration(retry.getMaxInterval()), "use at least "
                            + PREFIX + "retry.interval ("
                            + PropertyChecks.formatDuration(retry.getInterval()) + ")");
        }
        if (multiplier == 1.0) {
            return new FixedBackOff(interval, retries);
        }
        ExponentialBackOff backOff = new ExponentialBackOff(interval, multiplier);
        backOff.setMaxInterval(maxInterval);
        backOff.setMaxAttempts(retries);
        return backOff;
    }

    /** Returns the dead-letter topic suffix, checked to be non-empty. */
    static String deadLetterSuffix(LucidProperties.DeadLetter deadLetter) {
        String suffix = deadLetter.getSuffix();
        if (suffix == null || suffix.isEmpty()) {
            throw new InvalidLucidPropertyException(PREFIX + "dead-letter.suffix", "",
                    "use a non-empty suffix such as -dlt, or failed records would go back "
                            + "to their own topic");
        }
        return suffix;
    }
}
