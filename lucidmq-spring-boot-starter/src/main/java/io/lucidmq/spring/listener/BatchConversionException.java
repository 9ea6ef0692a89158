package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import java.util.List;

/**
 * Thrown by a {@link BatchListener} before it processes anything, when some records of the
 * batch cannot be converted to the listener's argument type. The container hands each named
 * record to the error handler as a conversion failure, then invokes the listener again with
 * the remaining records.
 */
public class BatchConversionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Failure> failures;

    /** Creates the exception for the records in {@code failures}, at least one. */
    public BatchConversionException(List<Failure> failures) {
        super(failures.size() + " record(s) of the batch could not be converted; first: "
                + failures.get(0).record() + ": " + failures.get(0).exception().getMessage(),
                failures.get(0).exception());
        this.failures = List.copyOf(failures);
    }

    /** The records that failed conversion, with their exceptions. */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * One record that could not be converted.
     *
     * @param record the record
     * @param exception the conversion exception
     */
    public record Failure(ConsumerRecord record, Exception exception) {
    }
}
