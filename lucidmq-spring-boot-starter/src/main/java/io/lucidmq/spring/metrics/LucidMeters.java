package io.lucidmq.spring.metrics;

import org.jspecify.annotations.Nullable;

/**
 * Names and tag keys of every meter the starter registers. All names start with
 * {@code lucidmq.}.
 */
public final class LucidMeters {

    /** Timer of template sends; tags {@code topic}, {@code result}, {@code exception}. */
    public static final String TEMPLATE = "lucidmq.template";

    /**
     * Timer of listener invocations; tags {@code name}, {@code topic}, {@code result},
     * {@code exception}.
     */
    public static final String LISTENER = "lucidmq.listener";

    /** Counter of retried deliveries; tags {@code name}, {@code topic}. */
    public static final String LISTENER_RETRIES = "lucidmq.listener.retries";

    /** Counter of records published to a dead-letter topic; tags {@code name}, {@code topic}. */
    public static final String LISTENER_DEAD_LETTERS = "lucidmq.listener.dead.letters";

    /** Counter of failed records logged and skipped; tags {@code name}, {@code topic}. */
    public static final String LISTENER_SKIPPED = "lucidmq.listener.skipped";

    /**
     * Gauge of a group's lag in a partition; tags {@code group}, {@code topic},
     * {@code partition}.
     */
    public static final String CONSUMER_LAG = "lucidmq.consumer.lag";

    /** Gauge of a partition's size on disk in bytes; tags {@code topic}, {@code partition}. */
    public static final String PARTITION_SIZE = "lucidmq.partition.size";

    /** Gauge of a partition's end offset; tags {@code topic}, {@code partition}. */
    public static final String PARTITION_END_OFFSET = "lucidmq.partition.end.offset";

    /** Tag key of the listener id. */
    public static final String TAG_NAME = "name";

    /** Tag key of the topic. */
    public static final String TAG_TOPIC = "topic";

    /** Tag key of the partition number. */
    public static final String TAG_PARTITION = "partition";

    /** Tag key of the consumer group. */
    public static final String TAG_GROUP = "group";

    /** Tag key of the outcome: {@code success} or {@code failure}. */
    public static final String TAG_RESULT = "result";

    /** Tag key of the exception's simple class name, or {@code none}. */
    public static final String TAG_EXCEPTION = "exception";

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String NONE = "none";

    private LucidMeters() {
    }

    static String exceptionTag(@Nullable Throwable failure) {
        return failure == null ? NONE : failure.getClass().getSimpleName();
    }
}
