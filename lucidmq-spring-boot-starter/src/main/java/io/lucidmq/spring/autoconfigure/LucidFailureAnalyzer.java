package io.lucidmq.spring.autoconfigure;

import io.lucidmq.DirectoryLockedException;
import io.lucidmq.TopicNameConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Explains LucidMQ startup failures in Spring Boot's failure report: an invalid
 * {@code lucidmq.*} value (out of range, not convertible to the property's type, a fraction for
 * a whole number or a list for a single value), a {@code lucidmq.topics} entry that does not
 * match the existing topic, a topic name that differs from an existing one only in letter
 * case, and a directory that another writer holds.
 */
public class LucidFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof InvalidLucidPropertyException invalid) {
                return analyzeInvalidProperty(invalid, invalid);
            }
            if (cause instanceof BindException bind) {
                InvalidLucidPropertyException invalid = BindFailureDescriber.describe(bind);
                if (invalid != null) {
                    return analyzeInvalidProperty(invalid, bind);
                }
            }
            if (cause instanceof TopicMismatchException mismatch) {
                return analyzeTopicMismatch(mismatch);
            }
            if (cause instanceof TopicNameConflictException conflict) {
                return analyzeNameConflict(conflict);
            }
            if (cause instanceof DirectoryLockedException locked) {
                return analyzeLocked(locked);
            }
        }
        return null;
    }

    /**
     * Returns the highest precedence, so this analyzer runs before Spring Boot's
     * {@code BindFailureAnalyzer}, which would describe a {@code lucidmq.*} conversion failure
     * with the converter's message instead of the allowed values.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static FailureAnalysis analyzeInvalidProperty(InvalidLucidPropertyException ex,
            Throwable cause) {
        return new FailureAnalysis(ex.getMessage(),
                "Update '" + ex.getProperty() + "' in your application's configuration: "
                        + ex.getAllowed() + ".", cause);
    }

    private static FailureAnalysis analyzeTopicMismatch(TopicMismatchException ex) {
        return new FailureAnalysis(ex.getMessage(),
                "Topic settings are fixed when a topic is created. Change 'lucidmq.topics."
                        + ex.getTopic() + "' to match the existing topic, or delete the topic "
                        + "(with its records) and restart.", ex);
    }

    private static FailureAnalysis analyzeNameConflict(TopicNameConflictException ex) {
        return new FailureAnalysis(ex.getMessage(),
                "Topic names must differ in more than letter case, because a case-insensitive "
                        + "file system keeps both in one directory. Use the existing topic '"
                        + ex.existingTopic() + "' where the application names '" + ex.topic()
                        + "' (in 'lucidmq.topics', @LucidListener or LucidTemplate), or "
                        + "choose another name.", ex);
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
