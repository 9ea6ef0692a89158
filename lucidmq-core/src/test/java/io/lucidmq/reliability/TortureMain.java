package io.lucidmq.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.testing.AckedRecords;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * Child JVM of the crash torture: produces {@link AckedRecords} under
 * {@link DurabilityPolicy#SYNC} from several threads while one group member consumes and
 * commits, until killed. Segments are small and retention by size runs every 200 ms, so
 * rolls and deletions happen during the run. Every line is printed and flushed as soon as
 * its event completed:
 *
 * <pre>
 * READY                              the directory is open and the topic exists
 * ACK &lt;thread&gt; &lt;seq&gt; &lt;p&gt; &lt;offset&gt;     a send was acknowledged
 * POLLED &lt;p&gt; &lt;first&gt; &lt;last&gt;          a poll returned these offsets of partition p
 * COMMITTED &lt;p&gt; &lt;offset&gt;             commitSync returned with this offset for p
 * BAD &lt;p&gt; &lt;offset&gt; &lt;reason&gt;           a consumed record was not the one written
 * </pre>
 *
 * Each line ends with {@link #LINE_END}, so that a reader can tell a complete line from one
 * cut by the kill. The engine logs only warnings and errors, which carry no line end.
 *
 * Arguments: the directory, the trial number (producer thread numbers start at 100 times
 * it, so records of different trials differ), the producer thread count.
 */
public final class TortureMain {

    /** The end of every complete line. */
    static final String LINE_END = " .";

    static final String TOPIC = "torture";
    static final String GROUP = "torture-group";
    static final int PARTITIONS = 3;
    static final TopicConfig TOPIC_CONFIG = new TopicConfig(PARTITIONS, 8 * 1024, 1024,
            64 * 1024, -1, DurabilityPolicy.SYNC);

    private TortureMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path directory = Path.of(args[0]);
        int trial = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory)
                .durability(DurabilityPolicy.SYNC)
                .retentionCheckInterval(Duration.ofMillis(200)).build());
        mq.createTopic(TOPIC, TOPIC_CONFIG);
        Producer producer = mq.producer();
        print("READY");

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int thread = trial * 100 + i;
            workers.add(new Thread(() -> produce(producer, thread), "producer-" + thread));
        }
        workers.add(new Thread(() -> consume(mq), "consumer"));
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static void produce(Producer producer, int thread) {
        for (long sequence = 0; ; sequence++) {
            ProducerRecord record = ProducerRecord.builder(TOPIC)
                    .key(AckedRecords.key(thread, sequence))
                    .value(AckedRecords.value(thread, sequence))
                    .build();
            RecordMetadata metadata = thread % 2 == 0 ? producer.send(record)
                    : producer.sendAsync(record).join();
            print(AckedRecords.ackLine(thread, sequence, metadata.partition(),
                    metadata.offset()));
        }
    }

    private static void consume(LucidMQ mq) {
        try (Consumer member = mq.consumer(ConsumerConfig.group(GROUP).topics(TOPIC)
                .maxPollRecords(50).build())) {
            while (true) {
                ConsumerRecords records = member.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                Map<Integer, long[]> ranges = new TreeMap<>();
                for (ConsumerRecord record : records) {
                    check(record);
                    ranges.computeIfAbsent(record.partition(),
                            p -> new long[] {record.offset(), record.offset()})[1] =
                            record.offset();
                }
                ranges.forEach((partition, range) -> print("POLLED " + partition + " "
                        + range[0] + " " + range[1]));
                member.commitSync();
                for (int partition : ranges.keySet()) {
                    print("COMMITTED " + partition + " "
                            + member.position(new TopicPartition(TOPIC, partition)));
                }
            }
        }
    }

    /** Prints a BAD line when a record's value is not the one its key names. */
    private static void check(ConsumerRecord record) {
        String reason = TortureLedger.mismatch(record);
        if (reason != null) {
            print("BAD " + record.partition() + " " + record.offset() + " " + reason);
        }
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line + LINE_END);
            System.out.flush();
        }
    }

    /** Returns the arguments that start trial {@code trial} in {@code directory}. */
    static String[] arguments(Path directory, int trial, int threads) {
        return new String[] {directory.toString(), Integer.toString(trial),
                Integer.toString(threads)};
    }
}
