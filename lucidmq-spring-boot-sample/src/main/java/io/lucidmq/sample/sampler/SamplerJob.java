package io.lucidmq.sample.sampler;

import io.lucidmq.LucidMQ;
import io.lucidmq.sample.SampleProperties;
import io.lucidmq.sample.reading.PublishFailedException;
import io.lucidmq.sample.reading.Reading;
import io.lucidmq.sample.reading.ReadingPublisher;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Samples this machine every {@code sample.sampler.interval} and publishes the readings to the
 * {@code readings} topic. Present unless {@code sample.sampler.enabled} is {@code false}.
 *
 * <p>A failed publish is logged and the next sample is taken on schedule; the failed readings
 * are not sent again. The scheduler runs the task on one thread at a time.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.sampler.enabled", matchIfMissing = true)
public class SamplerJob implements SchedulingConfigurer {

    private static final Logger logger = LoggerFactory.getLogger(SamplerJob.class);

    private final MachineSampler sampler;
    private final ReadingPublisher publisher;
    private final SampleProperties.Sampler settings;
    private long consecutiveFailures;

    SamplerJob(LucidMQ lucid, ReadingPublisher publisher, SampleProperties properties) {
        this.settings = properties.sampler();
        String host = HostNames.resolve(settings.host());
        this.sampler = new MachineSampler(lucid.directory(), host, Clock.systemUTC());
        this.publisher = publisher;
        logger.info("Sampling this machine as host {} every {}", host, settings.interval());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedRateTask(this::sampleAndPublish, settings.interval());
    }

    /** Takes one sample and publishes it, waiting until the readings are durable. */
    void sampleAndPublish() {
        List<Reading> readings = sampler.sample();
        if (readings.isEmpty()) {
            return;
        }
        try {
            publisher.publish(readings);
            if (consecutiveFailures > 0) {
                logger.info("Publishing samples works again after {} failed samples",
                        consecutiveFailures);
                consecutiveFailures = 0;
            }
        } catch (PublishFailedException e) {
            // The first failure of a run is logged with its stack trace, the repeats briefly.
            consecutiveFailures++;
            if (consecutiveFailures == 1) {
                logger.warn("Dropped a sample of {} readings", readings.size(), e);
            } else {
                logger.debug("Dropped a sample of {} readings ({} in a row): {}",
                        readings.size(), consecutiveFailures, e.getMessage());
            }
        }
    }
}
