package io.lucidmq.reliability;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Child JVM helper: opens a directory under {@link DurabilityPolicy#SYNC}, prints
 * {@code END <offset>} with the end offset of partition 0 of a topic, sends each value to that
 * partition and prints {@code APPENDED <offset>} once it is acknowledged, then prints
 * {@code HOLDING} and keeps the directory open, never closing it cleanly, until killed.
 * Arguments: the directory, the topic, the values.
 */
public final class AppendAndHoldMain {

    private AppendAndHoldMain() {
    }

    public static void main(String[] args) throws IOException {
        String topic = args[1];
        LucidMQ mq = LucidMQ.open(LucidConfig.builder(Path.of(args[0]))
                .durability(DurabilityPolicy.SYNC).build());
        print("END " + mq.describeTopic(topic).orElseThrow().partitions().get(0).endOffset());
        for (int i = 2; i < args.length; i++) {
            long offset = mq.producer().send(ProducerRecord.builder(topic).partition(0)
                    .value(args[i]).build()).offset();
            print("APPENDED " + offset);
        }
        print("HOLDING");
        while (System.in.read() >= 0) {
            // Holds the directory open until the parent kills this process.
        }
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
