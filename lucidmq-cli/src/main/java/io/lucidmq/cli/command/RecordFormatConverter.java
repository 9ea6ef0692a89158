package io.lucidmq.cli.command;

import io.lucidmq.cli.output.RecordFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --format}: {@code value}, {@code key-value} or {@code json}. */
final class RecordFormatConverter implements ITypeConverter<RecordFormat> {

    @Override
    public RecordFormat convert(String value) {
        try {
            return RecordFormat.fromCliName(value);
        } catch (IllegalArgumentException unknown) {
            throw new TypeConversionException(unknown.getMessage());
        }
    }
}
