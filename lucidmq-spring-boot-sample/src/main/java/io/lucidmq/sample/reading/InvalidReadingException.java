package io.lucidmq.sample.reading;

/**
 * Thrown when a reading breaks a rule of {@link Reading}. The message names the field, the
 * value and what is allowed, and {@link #field()} names the field alone, so that an HTTP error
 * body or a log line can point at it.
 */
public class InvalidReadingException extends IllegalArgumentException {

    private final String field;

    /** Creates an exception about {@code field}; {@code message} must name the field too. */
    public InvalidReadingException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the path of the invalid field, for example {@code value} or {@code [2].host}. */
    public String field() {
        return field;
    }

    /** Returns a copy whose field and message start with {@code path}, such as {@code [2]}. */
    public InvalidReadingException under(String path) {
        return new InvalidReadingException(path + "." + field, path + "." + getMessage());
    }
}
