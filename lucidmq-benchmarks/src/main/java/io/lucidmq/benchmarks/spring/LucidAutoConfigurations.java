package io.lucidmq.benchmarks.spring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The LucidMQ auto-configuration classes on the class path, read from every
 * {@code META-INF/spring/...AutoConfiguration.imports} file as Spring Boot reads them.
 */
public final class LucidAutoConfigurations {

    private static final String IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    private static final String LUCID_PACKAGE = "io.lucidmq.";

    private LucidAutoConfigurations() {
    }

    /** Returns the names of the auto-configurations in {@code io.lucidmq} packages. */
    public static List<String> classNames() {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> files = LucidAutoConfigurations.class.getClassLoader()
                    .getResources(IMPORTS);
            while (files.hasMoreElements()) {
                names.addAll(lucidEntries(files.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + IMPORTS, e);
        }
        return names;
    }

    private static List<String> lucidEntries(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (entry.startsWith(LUCID_PACKAGE)) {
                    names.add(entry);
                }
            }
        }
        return names;
    }
}
