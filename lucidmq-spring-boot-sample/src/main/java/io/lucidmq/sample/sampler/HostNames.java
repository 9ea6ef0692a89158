package io.lucidmq.sample.sampler;

import io.lucidmq.sample.reading.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the host name the machine sampler stamps on its readings. */
final class HostNames {

    /** The host name used when neither the setting nor the system names one. */
    static final String FALLBACK = "localhost";

    /** The file where Linux exposes the kernel's host name. */
    private static final Path LINUX_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    private HostNames() {
    }

    /**
     * Returns the host name of this machine, as {@link #resolve} chooses it from the process
     * environment and, on Linux, the kernel's host name. No name lookup is made, so this never
     * waits on a resolver.
     */
    static String resolve(String configured) {
        return resolve(configured, System.getenv(), readLinuxHostName());
    }

    /**
     * Returns {@code configured} when it is not blank, else the {@code HOSTNAME} or
     * {@code COMPUTERNAME} variable of {@code environment}, else {@code systemName}, else
     * {@value #FALLBACK}. The name is made a valid {@link Reading} host: characters outside
     * {@link Reading#NAME_CHARACTERS} become {@code -} and it is cut at
     * {@link Reading#MAX_NAME_LENGTH} characters.
     *
     * @param systemName the host name the operating system reports, or {@code null}
     */
    static String resolve(String configured, Map<String, String> environment,
            String systemName) {
        String name = configured;
        if (isBlank(name)) {
            name = environment.get("HOSTNAME");
        }
        if (isBlank(name)) {
            name = environment.get("COMPUTERNAME");
        }
        if (isBlank(name)) {
            name = systemName;
        }
        if (isBlank(name)) {
            return FALLBACK;
        }
        String valid = name.strip().replaceAll("[^A-Za-z0-9._-]", "-");
        return valid.length() > Reading.MAX_NAME_LENGTH
                ? valid.substring(0, Reading.MAX_NAME_LENGTH) : valid;
    }

    private static String readLinuxHostName() {
        if (!Files.isReadable(LINUX_HOST_NAME)) {
            return null;
        }
        try {
            return Files.readString(LINUX_HOST_NAME, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isBlank(String name) {
        return name == null || name.isBlank();
    }
}
