package io.lucidmq.sample.stats;

import io.lucidmq.LucidMQ;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.topic.PartitionDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts the records ever written to the sample's dead-letter topics, from the topics' end
 * offsets, so the counts survive restarts and include records that retention has deleted.
 */
@Component
public class DeadLetterCounter {

    private static final List<String> TOPICS =
            List.of(Topics.READINGS_DLT, Topics.ALERTS_DLT);

    private final LucidMQ lucid;

    /** Creates a counter over the topics of {@code lucid}. */
    public DeadLetterCounter(LucidMQ lucid) {
        this.lucid = lucid;
    }

    /** Returns the number of records written to each dead-letter topic, by topic name. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            long count = lucid.describeTopic(topic)
                    .map(description -> description.partitions().stream()
                            .mapToLong(PartitionDescription::endOffset).sum())
                    .orElse(0L);
            counts.put(topic, count);
        }
        return counts;
    }
}
