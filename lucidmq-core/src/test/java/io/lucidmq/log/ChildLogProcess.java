package io.lucidmq.log;

import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program that log tests run in a child JVM, so that a test can kill it or limit its open
 * files.
 *
 * <ul>
 *   <li>{@code append DIR}: appends records "r0", "r1", ... one per batch, forcing each, and
 *       prints {@code acked N} after each force, until the process is killed.
 *   <li>{@code partitions DIR COUNT}: writes COUNT partitions through one shared file cache,
 *       reads them back, and prints {@code ok}.
 * </ul>
 */
final class ChildLogProcess {

    private ChildLogProcess() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[1]);
        if (args[0].equals("append")) {
            appendUntilKilled(directory);
        } else {
            writePartitions(directory, Integer.parseInt(args[2]));
        }
    }

    private static void appendUntilKilled(Path directory) {
        PartitionLog log = LogTestSupport.open(directory, LogTestSupport.config(16 * 1024));
        for (long i = 0; ; i++) {
            long offset = log.append(List.of(ProducerRecord.of("orders", "r" + i)),
                    LogTestSupport.TIMESTAMP);
            log.flushUpTo(offset + 1);
            System.out.println("acked " + offset);
        }
    }

    private static void writePartitions(Path directory, int count) {
        LogConfig config = new LogConfig(1024, 512, 256, 16);
        List<PartitionLog> logs = new ArrayList<>();
        try (SegmentFileCache cache = new SegmentFileCache(16)) {
            for (int p = 0; p < count; p++) {
                logs.add(PartitionLog.open(directory.resolve(Integer.toString(p)),
                        new TopicPartition("orders", p), config, FileIO.standard(), false, cache));
            }
            for (int round = 0; round < 40; round++) {
                for (PartitionLog log : logs) {
                    log.append(List.of(ProducerRecord.of("orders", "value-" + round)), round);
                }
            }
            for (PartitionLog log : logs) {
                List<ConsumerRecord> records = LogTestSupport.readAll(log);
                if (records.size() != 40 || log.segmentCount() < 3) {
                    throw new IllegalStateException(log + " contains " + records.size()
                            + " records in " + log.segmentCount() + " segments");
                }
                log.close();
            }
        }
        System.out.println("ok");
    }

    /** Starts this program in a child JVM with the test class path. */
    static Process start(String shellPrefix, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), ChildLogProcess.class.getName()));
        command.addAll(List.of(args));
        if (shellPrefix != null) {
            List<String> shell = new ArrayList<>(List.of("bash", "-c",
                    shellPrefix + " && exec \"$@\"", "child"));
            shell.addAll(command);
            command = shell;
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Returns a reader of the child's output. */
    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
    }
}
