package io.lucidmq.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a test helper's {@code main}, started with the same {@code java} binary
 * and the test class path, for tests that need a second process or a real crash
 * ({@link #kill()} sends SIGKILL on Linux). Standard output lines are collected on a reader
 * thread; standard error goes to a file beside the test's temporary directory.
 *
 * <p>Surefire may start the test JVM from a manifest-only jar, so the class path comes from
 * {@code surefire.test.class.path} when it is set and from {@code java.class.path}
 * otherwise. Not thread-safe, except the line accessors.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "child-jvm-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM.
     *
     * @param stderrFile where the child's standard error goes
     */
    public static ChildJvm start(Class<?> mainClass, Path stderrFile, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(testClassPath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(stderrFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ChildJvm(builder.start());
    }

    /** Returns the class path of the running tests. */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire
                : System.getProperty("java.class.path");
    }

    /**
     * Waits until a standard output line matches {@code condition}.
     *
     * @return the matching line
     * @throws AssertionError if none arrives within {@code timeout} or the child exits first
     */
    public String awaitLine(Predicate<String> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            String line = pending.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            if (line != null && condition.test(line)) {
                return line;
            }
            if (line == null) {
                throw new AssertionError("no matching line from child " + process.pid()
                        + " within " + timeout + (process.isAlive() ? "" : "; it exited with "
                        + process.exitValue()) + "; output so far: " + tail());
            }
        }
    }

    /** Returns every standard output line so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Returns the number of standard output lines so far that match {@code condition}. */
    public long countLines(Predicate<String> condition) {
        return lines.stream().filter(condition).count();
    }

    /** Kills the child with SIGKILL and waits until it is gone and its output is read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** Waits for the child to exit on its own and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child " + process.pid() + " still running after "
                    + timeout + "; output so far: " + tail());
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    /** Returns the child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                pending.add(line);
            }
        } catch (IOException e) {
            // The pipe closes when the child is killed; the lines read so far stay available.
            lines.add("# child output ended: " + e);
        }
    }

    private String tail() {
        List<String> all = lines();
        return all.subList(Math.max(0, all.size() - 10), all.size()).toString();
    }
}
