package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The partition split of a consumer group: for each topic, in name order, the members
 * subscribed to it, in join order, get consecutive ranges of its partitions. With {@code n}
 * partitions and {@code k} members, each member gets {@code n / k} partitions and the first
 * {@code n % k} members one more. Members beyond the partition count get none of that topic.
 * Stateless.
 */
public final class RangeAssignor {

    private RangeAssignor() {
    }

    /**
     * Computes the owner of every partition.
     *
     * @param members the members in join order, each with its subscribed topics
     * @param partitionCount the partition count of a topic, 0 when it does not exist
     * @return the member id that should own each partition
     */
    public static Map<TopicPartition, String> assign(List<Member> members,
            ToIntFunction<String> partitionCount) {
        TreeSet<String> topics = new TreeSet<>();
        members.forEach(member -> topics.addAll(member.topics()));
        Map<TopicPartition, String> owners = new HashMap<>();
        for (String topic : topics) {
            List<String> subscribers = new ArrayList<>();
            for (Member member : members) {
                if (member.topics().contains(topic)) {
                    subscribers.add(member.memberId());
                }
            }
            assignTopic(topic, partitionCount.applyAsInt(topic), subscribers, owners);
        }
        return owners;
    }

    private static void assignTopic(String topic, int partitions, List<String> subscribers,
            Map<TopicPartition, String> owners) {
        int base = partitions / subscribers.size();
        int extra = partitions % subscribers.size();
        int next = 0;
        for (int i = 0; i < subscribers.size(); i++) {
            int count = base + (i < extra ? 1 : 0);
            for (int j = 0; j < count; j++) {
                owners.put(new TopicPartition(topic, next++), subscribers.get(i));
            }
        }
    }

    /**
     * The id and subscription of a group member, as the assignor uses them.
     *
     * @param memberId the member's unique id within the group
     * @param topics the subscribed topics
     */
    public record Member(String memberId, List<String> topics) {

        public Member {
            topics = List.copyOf(topics);
        }
    }
}
