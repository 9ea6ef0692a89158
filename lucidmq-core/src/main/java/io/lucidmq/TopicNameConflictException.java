package io.lucidmq;

/**
 * Thrown when a topic would be created whose name equals an existing topic's name ignoring
 * letter case, such as {@code orders} beside {@code Orders}. On a case-insensitive file system,
 * the default on macOS and Windows, both names resolve to one directory, so the new topic
 * would overwrite the existing topic's metadata. Nothing is created.
 */
public class TopicNameConflictException extends LucidException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String existingTopic;

    /**
     * Creates the exception.
     *
     * @param message the detail message, naming both topics
     * @param topic the name of the topic that was to be created
     * @param existingTopic the name of the existing topic
     */
    public TopicNameConflictException(String message, String topic, String existingTopic) {
        super(message);
        this.topic = topic;
        this.existingTopic = existingTopic;
    }

    /** Returns the name of the topic that was to be created. */
    public String topic() {
        return topic;
    }

    /** Returns the name of the existing topic that differs from {@link #topic()} only in case. */
    public String existingTopic() {
        return existingTopic;
    }
}
