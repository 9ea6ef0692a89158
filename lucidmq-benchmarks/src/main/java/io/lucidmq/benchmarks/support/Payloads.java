package io.lucidmq.benchmarks.support;

import java.util.SplittableRandom;

/**
 * Record values shared by every store in a comparison, so each side writes the same bytes.
 *
 * <p>Values are pseudo-random bytes from a fixed seed: no store in the suite compresses, but
 * random bytes keep any future compression from flattering one side.
 */
public final class Payloads {

    private static final long SEED = 0x4c7563_69644d51L;

    private Payloads() {
    }

    /** Returns a new value of {@code sizeBytes} bytes; equal sizes give equal contents. */
    public static byte[] value(int sizeBytes) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be 0 or more, but was " + sizeBytes);
        }
        byte[] value = new byte[sizeBytes];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < sizeBytes; i++) {
            value[i] = (byte) random.nextInt(256);
        }
        return value;
    }
}
