package io.lucidmq.benchmarks.footprint;

/**
 * A store opened with some number of idle partitions (or the store's equivalent: one queue,
 * database or file each), each holding one record, for {@link FootprintScenario}.
 */
interface IdleStores {

    /** A short name of the store, used in the results. */
    String name();

    /** Opens the store itself, before any partition; its cost is not counted per partition. */
    void openStore() throws Exception;

    /** Opens {@code count} idle partitions and writes one record to each. */
    void openPartitions(int count) throws Exception;

    /** Closes everything and deletes the files. */
    void release() throws Exception;
}
