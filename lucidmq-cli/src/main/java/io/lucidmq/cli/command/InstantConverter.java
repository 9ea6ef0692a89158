package io.lucidmq.cli.command;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an ISO-8601 instant, in UTC ({@code 2024-05-01T12:00:00Z}) or with an offset
 * ({@code 2024-05-01T14:00:00+02:00}).
 */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            // The offset date-time format reads "Z" as the zero offset too.
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException invalid) {
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant "
                    + "such as 2024-05-01T12:00:00Z or 2024-05-01T14:00:00+02:00 ("
                    + invalid.getMessage() + ")");
        }
    }
}
