package io.lucidmq.producer;

/**
 * The 32-bit MurmurHash2 of a byte array with seed {@code 0x9747b28c}, reading 4-byte blocks
 * little-endian: the variant Kafka's default partitioner hashes keys with, so a key maps to
 * the same partition number in LucidMQ and in Kafka for the same partition count. Stateless.
 */
public final class Murmur2 {

    private static final int SEED = 0x9747b28c;
    private static final int MULTIPLIER = 0x5bd1e995;
    private static final int SHIFT = 24;

    private Murmur2() {
    }

    /** Returns the hash of {@code data}. */
    public static int hash(byte[] data) {
        int length = data.length;
        int hash = SEED ^ length;

        // Mix 4 bytes at a time into the hash.
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int base = i * 4;
            int block = (data[base] & 0xff)
                    | (data[base + 1] & 0xff) << 8
                    | (data[base + 2] & 0xff) << 16
                    | (data[base + 3] & 0xff) << 24;
            block *= MULTIPLIER;
            block ^= block >>> SHIFT;
            block *= MULTIPLIER;
            hash *= MULTIPLIER;
            hash ^= block;
        }

        // Mix the last 1 to 3 bytes.
        int tail = blocks * 4;
        int remaining = length - tail;
        if (remaining == 3) {
            hash ^= (data[tail + 2] & 0xff) << 16;
        }
        if (remaining >= 2) {
            hash ^= (data[tail + 1] & 0xff) << 8;
        }
        if (remaining >= 1) {
            hash ^= data[tail] & 0xff;
            hash *= MULTIPLIER;
        }

        // Final avalanche, so the last bytes affect every bit.
        hash ^= hash >>> 13;
        hash *= MULTIPLIER;
        hash ^= hash >>> 15;
        return hash;
    }

    /** Returns the partition of {@code key}: the hash with the sign bit cleared, mod count. */
    public static int partition(byte[] key, int partitionCount) {
        return (hash(key) & 0x7fffffff) % partitionCount;
    }
}
