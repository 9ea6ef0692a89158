package io.lucidmq.benchmarks.recovery;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.benchmarks.support.Payloads;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that stops uncleanly: it opens a LucidMQ directory, appends records under
 * {@link DurabilityPolicy#OS} and halts without closing, as a killed process would. The
 * appended bytes stay in the page cache, so the next open must recover the partition instead
 * of trusting a clean-shutdown marker.
 *
 * <p>Usage: {@code UncleanStopChild DIRECTORY RECORDS}.
 */
public final class UncleanStopChild {

    /** The exit status of a child that reached the halt as planned. */
    public static final int HALT_STATUS = 42;

    private static final long TIMEOUT_SECONDS = 300;

    private UncleanStopChild() {
    }

    /** Appends {@code args[1]} records of 1 KiB to the directory {@code args[0]} and halts. */
    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        int records = Integer.parseInt(args[1]);
        byte[] value = Payloads.value(PartitionFiller.VALUE_BYTES);
        LucidMQ lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
        Producer producer = lucid.producer();
        List<ProducerRecord> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(ProducerRecord.of(PartitionFiller.TOPIC, value));
        }
        producer.sendAll(batch);
        Runtime.getRuntime().halt(HALT_STATUS);
    }

    /**
     * Runs the child on {@code directory} in a new JVM with this JVM's class path and waits
     * for it to halt.
     *
     * @throws IllegalStateException if the child did not halt as planned
     */
    static void runOn(Path directory, int records) throws IOException, InterruptedException {
        List<String> command = List.of(javaExecutable(), "-Xmx256m", "-cp", classPath(),
                UncleanStopChild.class.getName(), directory.toString(), String.valueOf(records));
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the unclean-stop child did not halt within "
                    + TIMEOUT_SECONDS + " s: " + command);
        }
        if (child.exitValue() != HALT_STATUS) {
            throw new IllegalStateException("the unclean-stop child exited with "
                    + child.exitValue() + ", expected " + HALT_STATUS + ": " + command);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire runs tests from a manifest-only jar and names the real path separately. */
    private static String classPath() {
        String testClassPath = System.getProperty("surefire.test.class.path");
        return testClassPath != null ? testClassPath : System.getProperty("java.class.path");
    }
}
