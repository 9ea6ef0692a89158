package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerGroupTest {

    private static final int PARTITIONS = 6;

    @TempDir
    Path directory;

    private LucidMQ mq;
    private ExecutorService threads;
    private final Map<TopicPartition, List<Long>> processed = new ConcurrentHashMap<>();
    private final Map<TopicPartition, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Set<TopicPartition>> finalAssignments = new ConcurrentHashMap<>();
    private final Map<String, Set<TopicPartition>> readPartitions = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger processedCount = new AtomicInteger();

    @BeforeEach
    void open() {
        mq = LucidMQ.open(LucidConfig.builder(directory).durability(DurabilityPolicy.OS)
                .build());
        mq.createTopic("t", TopicConfig.defaults().withPartitions(PARTITIONS));
        for (int i = 0; i < PARTITIONS; i++) {
            processed.put(new TopicPartition("t", i), Collections.synchronizedList(
                    new ArrayList<>()));
        }
        threads = Executors.newFixedThreadPool(3);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        mq.close();
    }

    @Test
    void threeMembersReadEachRecordOnce() throws Exception {
        int total = 1200;
        List<Future<?>> members = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        for (String name : List.of("a", "b", "c")) {
            members.add(threads.submit(() -> runMember(name, total, Integer.MAX_VALUE, done)));
        }
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> owners.size() == PARTITIONS
                && owners.values().stream().distinct().count() == 3);

        send(total);

        for (Future<?> member : members) {
            member.get(60, TimeUnit.SECONDS);
        }
        assertThat(violations).isEmpty();
        assertEveryRecordReadOnceInOrder();
        assertThat(finalAssignments).hasSize(3);
        finalAssignments.values().forEach(assignment -> assertThat(assignment).hasSize(2));
        for (String name : List.of("a", "b", "c")) {
            assertThat(readPartitions.get(name)).as("partitions read by %s", name)
                    .isEqualTo(finalAssignments.get(name));
        }
        assertThat(mq.describeGroup("g").orElseThrow().totalLag()).isZero();
    }

    @Test
    void closedMemberHandsOverPartitionsWithoutSkipping() throws Exception {
        int total = 1200;
        send(total / 2);
        List<Future<?>> members = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        members.add(threads.submit(() -> runMember("a", total, Integer.MAX_VALUE, done)));
        members.add(threads.submit(() -> runMember("b", total, Integer.MAX_VALUE, done)));
        members.add(threads.submit(() -> runMember("leaver", total, 100,
                new CountDownLatch(1))));

        members.get(2).get(60, TimeUnit.SECONDS);
        assertThat(processedCount.get()).isLessThan(total);
        send(total / 2);

        members.get(0).get(60, TimeUnit.SECONDS);
        members.get(1).get(60, TimeUnit.SECONDS);
        assertThat(violations).isEmpty();
        assertEveryRecordReadOnceInOrder();
        assertThat(finalAssignments.get("a")).hasSize(3);
        assertThat(finalAssignments.get("b")).hasSize(3);
        GroupDescription group = mq.describeGroup("g").orElseThrow();
        assertThat(group.activeMembers()).isZero();
        assertThat(group.totalLag()).isZero();
    }

    /**
     * Polls, processes and commits until the group has processed {@code total} records, or
     * until this member has processed {@code leaveAfter} records. Then it records its
     * assignment and closes once every member counted down {@code done}, so no close changes
     * another member's final assignment.
     */
    private Void runMember(String name, int total, int leaveAfter, CountDownLatch done)
            throws InterruptedException {
        int own = 0;
        readPartitions.put(name, ConcurrentHashMap.newKeySet());
        try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                .clientId(name).maxPollRecords(20).rebalanceListener(listener(name)).build())) {
            while (processedCount.get() < total && own < leaveAfter) {
                ConsumerRecords records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord record : records) {
                    TopicPartition partition = record.topicPartition();
                    if (!name.equals(owners.get(partition))) {
                        violations.add(name + " read " + partition + " owned by "
                                + owners.get(partition));
                    }
                    processed.get(partition).add(record.offset());
                    readPartitions.get(name).add(partition);
                }
                own += records.count();
                processedCount.addAndGet(records.count());
                consumer.commitSync();
            }
            finalAssignments.put(name, consumer.assignment());
            done.countDown();
            done.await(60, TimeUnit.SECONDS);
        }
        return null;
    }

    private RebalanceListener listener(String name) {
        return new RebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(partition -> {
                    if (!owners.remove(partition, name)) {
                        violations.add(name + " revoked " + partition + " it did not own");
                    }
                });
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                partitions.forEach(partition -> {
                    String previous = owners.putIfAbsent(partition, name);
                    if (previous != null) {
                        violations.add(name + " was assigned " + partition
                                + " still owned by " + previous);
                    }
                });
            }
        };
    }

    private void send(int count) {
        Producer producer = mq.producer();
        for (int i = 0; i < count; i++) {
            producer.send(ProducerRecord.builder("t").key("key-" + i).value("v" + i).build());
        }
    }

    private void assertEveryRecordReadOnceInOrder() {
        var description = mq.describeTopic("t").orElseThrow();
        long sum = 0;
        for (var partition : description.partitions()) {
            TopicPartition tp = new TopicPartition("t", partition.partition());
            List<Long> expected = LongStream.range(0, partition.endOffset()).boxed().toList();
            assertThat(List.copyOf(processed.get(tp))).as("offsets processed from %s", tp)
                    .isEqualTo(expected);
            sum += partition.endOffset();
        }
        assertThat(processedCount.get()).isEqualTo((int) sum);
    }
}
