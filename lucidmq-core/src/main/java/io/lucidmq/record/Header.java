package io.lucidmq.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record header: a name and a value. A record may carry several headers with the same name,
 * in order. The value may be {@code null}. Immutable: the value array is copied in and out.
 */
public final class Header {

    private final String name;
    private final byte[] value;

    private Header(String name, byte[] value) {
        this.name = Objects.requireNonNull(name, "header name");
        this.value = value == null ? null : value.clone();
    }

    /** Creates a header; {@code value} may be {@code null}. */
    public static Header of(String name, byte[] value) {
        return new Header(name, value);
    }

    /** Creates a header whose value is {@code value} in UTF-8; {@code value} may be null. */
    public static Header of(String name, String value) {
        return new Header(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The header name. */
    public String name() {
        return name;
    }

    /** A copy of the value, or {@code null}. */
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** The value decoded as UTF-8, or {@code null}. */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Header header
                && name.equals(header.name)
                && Arrays.equals(value, header.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=" + (value == null ? "null" : value.length + " bytes");
    }
}
