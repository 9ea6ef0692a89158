package io.lucidmq.spring.autoconfigure;

import io.lucidmq.DirectoryLockedException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains LucidMQ startup failures in Spring Boot's failure report: an invalid
 * {@code lucidmq.*} value, a {@code lucidmq.topics} entry that does not match the existing
 * topic, and a directory that another writer holds.
 */
public class LucidFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof InvalidLucidPropertyException invalid) {
                return analyzeInvalidProperty(invalid);
            }
            if (cause instanceof TopicMismatchException mismatch) {
                return analyzeTopicMismatch(mismatch);
            }
            if (cause instanceof DirectoryLockedException locked) {
                return analyzeLocked(locked);
            }
        }
        return null;
    }

    private static FailureAnalysis analyzeInvalidProperty(InvalidLucidPropertyException ex) {
        return new FailureAnalysis(ex.getMessage(),
                "Update '" + ex.getProperty() + "' in your application's configuration: "
                        + ex.getAllowed() + ".", ex);
    }

    private static FailureAnalysis analyzeTopicMismatch(TopicMismatchException ex) {
        return new FailureAnalysis(ex.getMessage(),
                "Topic settings are fixed when a topic is created. Change 'lucidmq.topics."
                        + ex.getTopic() + "' to match the existing topic, or delete the topic "
                        + "(with its records) and restart.", ex);
    }

    private static FailureAnalysis analyzeLocked(DirectoryLockedException ex) {
        return new FailureAnalysis("The LucidMQ directory is held by another writer: "
                + ex.getMessage(), "Stop the other application or LucidMQ instance that "
                + "writes this directory, or set 'lucidmq.directory' to another directory.",
                ex);
    }

    private static @Nullable Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
