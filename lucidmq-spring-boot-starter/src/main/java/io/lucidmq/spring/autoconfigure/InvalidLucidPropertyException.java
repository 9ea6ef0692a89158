package io.lucidmq.spring.autoconfigure;

/**
 * Thrown at startup when a {@code lucidmq.*} property has a value outside what is allowed.
 * The message names the property, the value and what is allowed.
 */
public class InvalidLucidPropertyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;
    private final String allowed;

    /**
     * Creates the exception.
     *
     * @param property the full property name, such as {@code lucidmq.segment-size}
     * @param value the invalid value
     * @param allowed what is allowed, as a phrase such as {@code "at least 1KB"}
     */
    public InvalidLucidPropertyException(String property, Object value, String allowed) {
        super("Invalid value '" + value + "' for property '" + property + "': " + allowed);
        this.property = property;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** Returns the full property name. */
    public String getProperty() {
        return property;
    }

    /** Returns the invalid value as text. */
    public String getValue() {
        return value;
    }

    /** Returns what is allowed. */
    public String getAllowed() {
        return allowed;
    }
}
