package io.lucidmq.cli.command;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts a size option: a number of bytes, optionally with a {@code KiB}, {@code MiB} or
 * {@code GiB} suffix (powers of 1024, any case), or {@code -1} for no limit.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(kib|mib|gib)?");

    @Override
    public Long convert(String value) {
        String trimmed = value.trim();
        if (trimmed.equals("-1")) {
            return -1L;
        }
        Matcher matcher = SIZE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(value);
        }
        try {
            long number = Long.parseLong(matcher.group(1));
            return Math.multiplyExact(number, unit(matcher.group(2)));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw new TypeConversionException("'" + value + "' is too large: the maximum is "
                    + Long.MAX_VALUE + " bytes");
        }
    }

    private static long unit(String suffix) {
        if (suffix == null) {
            return 1;
        }
        return switch (suffix) {
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a size: use a number of "
                + "bytes, optionally with a KiB, MiB or GiB suffix (65536, 64MiB), or -1");
    }
}
