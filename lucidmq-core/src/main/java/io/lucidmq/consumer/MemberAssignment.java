package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import io.lucidmq.UnknownTopicException;
import io.lucidmq.log.PartitionLog;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group member's side of the partition handover: inside each poll it revokes the
 * partitions its {@link ConsumerGroup} now gives to other members (listener first, then
 * waiting for its last commit, then releasing them) and takes the free partitions targeted
 * at it, starting each at the committed offset or by the reset policy.
 *
 * <p>Used by the consumer's thread, except {@link #leave()}, which any thread may call.
 */
final class MemberAssignment {

    private static final Logger logger = LoggerFactory.getLogger(MemberAssignment.class);

    private final String groupId;
    private final String memberId;
    private final ConsumerConfig config;
    private final ConsumerContext context;
    private final Map<TopicPartition, Long> positions;
    private final ConsumerGroup group;
    private volatile CompletableFuture<Void> lastCommit = CompletableFuture.completedFuture(null);

    MemberAssignment(String groupId, String memberId, ConsumerConfig config,
            ConsumerContext context, Map<TopicPartition, Long> positions) {
        this.groupId = groupId;
        this.memberId = memberId;
        this.config = config;
        this.context = context;
        this.positions = positions;
        this.group = context.groups().group(groupId);
    }

    void join() {
        group.join(new RangeAssignor.Member(memberId, config.topics()));
    }

    /**
     * Hands over revoked partitions and takes newly assigned ones.
     *
     * @throws RuntimeException the first exception a listener callback threw, after the
     *     handover is complete
     */
    void rebalance() {
        RuntimeException listenerError = null;
        Set<TopicPartition> revoke = group.partitionsToRevoke(memberId);
        if (!revoke.isEmpty()) {
            listenerError = callRevoked(revoke);
            awaitLastCommit(false);
            group.release(memberId, revoke);
            positions.keySet().removeAll(revoke);
            logger.info("Consumer {} of group {} released {}", memberId, groupId, revoke);
        }

        Set<TopicPartition> acquired = group.acquire(memberId);
        if (!acquired.isEmpty()) {
            Map<TopicPartition, Long> starts = new LinkedHashMap<>();
            acquired.forEach(partition -> starts.put(partition, initialPosition(partition)));
            positions.putAll(starts);
            logger.info("Consumer {} of group {} was assigned {} at positions {}", memberId,
                    groupId, acquired, starts);
            RuntimeException assignedError = callAssigned(acquired);
            listenerError = listenerError != null ? listenerError : assignedError;
        }
        if (listenerError != null) {
            throw listenerError;
        }
    }

    /** Calls the revoke listener for every owned partition before a close by the user. */
    void revokeAllBeforeClose() {
        Set<TopicPartition> owned = Set.copyOf(positions.keySet());
        if (!owned.isEmpty()) {
            callRevoked(owned);
        }
    }

    /** Waits for the last commit, then leaves the group, freeing every owned partition. */
    void leave() {
        awaitLastCommit(false);
        group.leave(memberId);
    }

    void recordCommit(CompletableFuture<Void> commit) {
        lastCommit = commit;
    }

    /** Waits for the last commit; rethrows its failure if {@code rethrow}, else logs it. */
    void awaitLastCommit(boolean rethrow) {
        try {
            lastCommit.join();
        } catch (CompletionException e) {
            if (rethrow && e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (rethrow) {
                throw e;
            }
            logger.error("Consumer {} of group {}: an offset commit failed; the next owner "
                    + "of its partitions starts from the previous commit", memberId, groupId,
                    e.getCause());
        }
    }

    private long initialPosition(TopicPartition partition) {
        OptionalLong committed = context.offsets().committed(groupId, partition);
        if (committed.isPresent()) {
            return committed.getAsLong();
        }
        try {
            return context.lifecycle().call(() -> {
                PartitionLog log = context.topics().require(partition.topic())
                        .log(partition.partition());
                return PartitionFetcher.resetPosition(log, config.offsetReset());
            });
        } catch (UnknownTopicException | IllegalArgumentException e) {
            logger.debug("Partition {} vanished while being assigned to {}", partition,
                    memberId, e);
            return PartitionFetcher.NO_POSITION;
        }
    }

    private RuntimeException callRevoked(Collection<TopicPartition> partitions) {
        try {
            config.rebalanceListener().onPartitionsRevoked(partitions);
            return null;
        } catch (RuntimeException e) {
            logger.error("Consumer {} of group {}: onPartitionsRevoked failed for {}",
                    memberId, groupId, partitions, e);
            return e;
        }
    }

    private RuntimeException callAssigned(Collection<TopicPartition> partitions) {
        try {
            config.rebalanceListener().onPartitionsAssigned(partitions);
            return null;
        } catch (RuntimeException e) {
            logger.error("Consumer {} of group {}: onPartitionsAssigned failed for {}",
                    memberId, groupId, partitions, e);
            return e;
        }
    }
}
