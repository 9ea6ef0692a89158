package io.lucidmq.spring.core;

/**
 * Names of the Spring message headers that LucidMQ reads on send and sets on receive.
 *
 * <p>Every name starts with {@link #PREFIX}. Headers with that prefix are reserved: on send,
 * {@link RecordMessageConverter} reads the routing headers ({@link #TOPIC}, {@link #KEY},
 * {@link #PARTITION}, {@link #TIMESTAMP}) and does not copy any other {@code lucidmq_} header
 * into the record, except {@link #TYPE_ID}. On receive, the received headers describe the
 * record; record headers keep their names and arrive as {@code byte[]}.
 */
public final class LucidHeaders {

    /** The prefix of every LucidMQ header name. */
    public static final String PREFIX = "lucidmq_";

    /** On send: the topic to send to ({@code String}). */
    public static final String TOPIC = PREFIX + "topic";

    /** On send: the record key ({@code String}, {@code byte[]} or any value as its string). */
    public static final String KEY = PREFIX + "messageKey";

    /** On send: the partition ({@code Integer}); absent lets the producer choose. */
    public static final String PARTITION = PREFIX + "partition";

    /** On send: the record timestamp in milliseconds since the epoch ({@code Long}). */
    public static final String TIMESTAMP = PREFIX + "timestamp";

    /** Both ways: the class name of a payload that was written as JSON ({@code String}). */
    public static final String TYPE_ID = PREFIX + "typeId";

    /** On receive: the topic of the record ({@code String}). */
    public static final String RECEIVED_TOPIC = PREFIX + "receivedTopic";

    /** On receive: the record key ({@code byte[]}; a {@code String} parameter gets UTF-8). */
    public static final String RECEIVED_KEY = PREFIX + "receivedMessageKey";

    /** On receive: the partition of the record ({@code Integer}). */
    public static final String RECEIVED_PARTITION = PREFIX + "receivedPartition";

    /** On receive: the offset of the record in its partition ({@code Long}). */
    public static final String OFFSET = PREFIX + "offset";

    /** On receive: the record timestamp in milliseconds since the epoch ({@code Long}). */
    public static final String RECEIVED_TIMESTAMP = PREFIX + "receivedTimestamp";

    /** On receive: the consumer group of the listener ({@code String}). */
    public static final String GROUP_ID = PREFIX + "groupId";

    /** On receive: the {@code io.lucidmq.record.ConsumerRecord} itself. */
    public static final String RAW_RECORD = PREFIX + "rawRecord";

    /** On receive, in manual ack mode: the {@code Acknowledgment} of the record or batch. */
    public static final String ACKNOWLEDGMENT = PREFIX + "acknowledgment";

    /** Dead-letter record: the class name of the exception that failed the record. */
    public static final String DLT_EXCEPTION_FQCN = PREFIX + "dltExceptionFqcn";

    /** Dead-letter record: the class name of the exception's root cause, when different. */
    public static final String DLT_EXCEPTION_CAUSE_FQCN = PREFIX + "dltExceptionCauseFqcn";

    /** Dead-letter record: the exception message. */
    public static final String DLT_EXCEPTION_MESSAGE = PREFIX + "dltExceptionMessage";

    /** Dead-letter record: the exception stack trace, cut at 16,384 characters. */
    public static final String DLT_EXCEPTION_STACKTRACE = PREFIX + "dltExceptionStacktrace";

    /** Dead-letter record: the topic the record was read from. */
    public static final String DLT_ORIGINAL_TOPIC = PREFIX + "dltOriginalTopic";

    /** Dead-letter record: the partition the record was read from, in decimal. */
    public static final String DLT_ORIGINAL_PARTITION = PREFIX + "dltOriginalPartition";

    /** Dead-letter record: the offset of the original record, in decimal. */
    public static final String DLT_ORIGINAL_OFFSET = PREFIX + "dltOriginalOffset";

    /** Dead-letter record: the timestamp of the original record, in decimal milliseconds. */
    public static final String DLT_ORIGINAL_TIMESTAMP = PREFIX + "dltOriginalTimestamp";

    /** Dead-letter record: the consumer group that failed to process the record. */
    public static final String DLT_ORIGINAL_GROUP = PREFIX + "dltOriginalGroup";

    /** Dead-letter record: the number of delivery attempts, in decimal. */
    public static final String DLT_ATTEMPTS = PREFIX + "dltAttempts";

    private LucidHeaders() {
    }
}
