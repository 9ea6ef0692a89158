package io.lucidmq.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The machine and run facts that {@code run-benchmarks.sh} writes to a properties file before
 * and after the run: processor count, memory, the data directory's file system, kernel, load
 * averages, mode and command.
 */
public final class MachineInfo {

    private final Properties properties;

    private MachineInfo(Properties properties) {
        this.properties = properties;
    }

    /** Reads the properties file {@code file}. */
    public static MachineInfo read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        return new MachineInfo(properties);
    }

    /** Returns the value of {@code key}, or {@code unknown} when the script did not record it. */
    public String get(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? "unknown" : value.strip();
    }

    /** The suite mode: {@code short} or {@code full}. */
    public String mode() {
        return get("mode");
    }

    /** Whether the suite ran in its short mode. */
    public boolean isShort() {
        return "short".equals(mode());
    }
}
