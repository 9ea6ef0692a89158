package io.lucidmq.cli.command;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts a size option: a number of bytes, optionally with a {@code B}, {@code KB} or
 * {@code KiB}, {@code MB} or {@code MiB}, {@code GB} or {@code GiB} suffix (any case), or
 * {@code -1} for no limit. Every unit is a power of 1024, as in Spring's {@code DataSize}, so
 * a value copied from {@code lucidmq.segment-size} means the same number of bytes here.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|ki?b|mi?b|gi?b)?");

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
        return switch (suffix.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1;
        };
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a size: use a number of "
                + "bytes, optionally with a B, KB or KiB, MB or MiB, GB or GiB suffix (powers of "
                + "1024: 64MB and 64MiB are both 67108864), or -1");
    }
}
