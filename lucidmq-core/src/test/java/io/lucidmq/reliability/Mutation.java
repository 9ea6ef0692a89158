package io.lucidmq.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * One damage done to one file: a truncation, a run of zeros or a single flipped bit.
 *
 * @param file the damaged file
 * @param kind the kind of damage
 * @param position the first damaged byte; for a truncation the new file size
 * @param length the number of zeroed bytes, or the flipped bit (0 to 7)
 */
record Mutation(Path file, Kind kind, long position, int length) {

    /** The kinds of damage. */
    enum Kind {
        TRUNCATE, ZERO_FILL, BIT_FLIP
    }

    /** Picks a random damage for a file of {@code size} bytes, at least 1. */
    static Mutation random(Path file, long size, Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        long position = (long) (random.nextDouble() * size);
        return switch (kind) {
            case TRUNCATE -> new Mutation(file, kind, position, 0);
            case ZERO_FILL -> new Mutation(file, kind, position,
                    1 + random.nextInt((int) Math.min(4096, size - position)));
            case BIT_FLIP -> new Mutation(file, kind, position, random.nextInt(8));
        };
    }

    /** Applies the damage to the file. */
    void apply() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            switch (kind) {
                case TRUNCATE -> channel.truncate(position);
                case ZERO_FILL -> channel.write(ByteBuffer.allocate(length), position);
                case BIT_FLIP -> {
                    ByteBuffer one = ByteBuffer.allocate(1);
                    channel.read(one, position);
                    one.put(0, (byte) (one.get(0) ^ (1 << length))).rewind();
                    channel.write(one, position);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("damaging " + this + " failed", e);
        }
    }

    /** Returns this mutation with the file named relative to {@code root}. */
    String describe(Path root) {
        String where = root.relativize(file) + " at byte " + position;
        return switch (kind) {
            case TRUNCATE -> "truncate " + root.relativize(file) + " to " + position + " bytes";
            case ZERO_FILL -> "zero " + length + " bytes of " + where;
            case BIT_FLIP -> "flip bit " + length + " of " + where;
        };
    }
}
