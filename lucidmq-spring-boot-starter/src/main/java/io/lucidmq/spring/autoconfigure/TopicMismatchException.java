package io.lucidmq.spring.autoconfigure;

import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;

/**
 * Thrown at startup when a topic under {@code lucidmq.topics} already exists with other
 * settings. Topic settings are fixed when a topic is created, so the application does not
 * start rather than run with settings it did not ask for.
 */
public class TopicMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final transient TopicConfig existing;
    private final transient TopicConfig requested;

    /** Creates the exception for {@code topic} in {@code directory}. */
    public TopicMismatchException(String topic, Path directory, TopicConfig existing,
            TopicConfig requested) {
        super("Topic '" + topic + "' in " + directory + " exists with " + existing
                + ", but lucidmq.topics." + topic + " requests " + requested);
        this.topic = topic;
        this.existing = existing;
        this.requested = requested;
    }

    /** Returns the topic name. */
    public String getTopic() {
        return topic;
    }

    /** Returns the settings of the existing topic. */
    public TopicConfig getExisting() {
        return existing;
    }

    /** Returns the settings the properties request. */
    public TopicConfig getRequested() {
        return requested;
    }
}
