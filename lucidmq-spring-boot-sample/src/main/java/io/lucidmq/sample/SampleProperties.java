package io.lucidmq.sample;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample application, under {@code sample.*}.
 *
 * @param sampler the machine sampler
 * @param stats the statistics aggregator
 * @param thresholds limits per metric name; a reading outside its metric's limits raises an
 *     alert, and metrics without an entry raise none
 */
@ConfigurationProperties("sample")
public record SampleProperties(
        @DefaultValue Sampler sampler,
        @DefaultValue Stats stats,
        Map<String, Threshold> thresholds) {

    public SampleProperties {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    /**
     * Settings of the machine sampler.
     *
     * @param enabled whether readings of this machine are taken and published
     * @param interval the time between two samples
     * @param host the host name on the readings; empty for the HOSTNAME or COMPUTERNAME
     *     environment variable, else the Linux kernel's host name, else "localhost"
     */
    public record Sampler(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration interval,
            @DefaultValue("") String host) {
    }

    /**
     * Settings of the statistics aggregator.
     *
     * @param windowMinutes the number of recent minutes kept per series
     * @param maxSeries the maximum number of series; readings of further series are rejected
     *     and sent to the dead-letter topic
     * @param snapshotInterval the maximum time between a change and the snapshot that stores it
     * @param snapshotRecords the number of counted readings that triggers a snapshot before
     *     {@code snapshotInterval} has passed
     */
    public record Stats(
            @DefaultValue("60") int windowMinutes,
            @DefaultValue("1000") int maxSeries,
            @DefaultValue("5s") Duration snapshotInterval,
            @DefaultValue("1000") int snapshotRecords) {
    }

    /**
     * The limits of one metric; either may be absent.
     *
     * @param min the smallest value that raises no alert
     * @param max the largest value that raises no alert
     */
    public record Threshold(Double min, Double max) {

        public Threshold {
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("threshold min " + min
                        + " must not be above max " + max);
            }
        }
    }
}
