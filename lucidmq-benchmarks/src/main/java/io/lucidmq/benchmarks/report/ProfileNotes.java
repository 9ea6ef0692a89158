package io.lucidmq.benchmarks.report;

/**
 * The section on where the targets a run may miss lose their time, from profiles of the
 * engine taken with async-profiler. The shares are measurements of one profile each, not of
 * the run the page reports, so the section names the command and the date. Stateless.
 */
final class ProfileNotes {

    private static final String COMMAND = "`-prof \"async:libPath=<libasyncProfiler.so>;"
            + "event=itimer;interval=100000;threads=true;output=collapsed\"` added to the JMH "
            + "command line of one benchmark (async-profiler 4.1; `perf` events are not "
            + "available on this virtual machine, so samples are CPU-timer samples)";

    /** Appends the section. */
    void appendTo(StringBuilder out) {
        out.append("## Where the missed targets lose time\n\n");
        out.append("Profiles taken on 2026-12-04 with ").append(COMMAND).append(". Shares are "
                + "of the appending thread's samples.\n\n");
        out.append("- **1 KiB appends, no force.** The raw loop copies 64 records into one "
                + "buffer and makes one `write` call for them; LucidMQ does per record what "
                + "a durable, readable log needs: it encodes the record into a batch and "
                + "computes its CRC32C (22% of the samples, 9% for the CRC), copies the batch "
                + "into the mapped segment (6%), publishes the segment's extent and index "
                + "entries for readers (8 to 29%; the attribution to these few stores "
                + "varies between profiles), reads the clock (6%) and takes the instance "
                + "and append locks (5%). File space costs the appending thread almost "
                + "nothing: a background thread writes the zeros and touches the pages about "
                + "two 4 MiB chunks ahead, and prepares the next segment's file before the "
                + "roll. Before those changes the same profile showed 21% in `pwrite` of "
                + "zeros and 12% in `msync` of the full segment at each roll, and a roll "
                + "waited for the previous segment's force.\n");
        out.append("- **100 B appends against Chronicle Queue.** The per-record costs above "
                + "do not shrink with the value: four atomic operations (instance lock, "
                + "append lock, change signal, publication), a clock read, the CRC of the "
                + "batch header, and a `RecordMetadata` per send. Chronicle Queue writes "
                + "into its mapped file with no per-record lock and no checksum.\n");
        out.append("- **16 blocking durable senders.** A force covers about 13 records and "
                + "one force cycle takes about 320 µs: forcing 13 KiB takes 170 to 300 µs "
                + "against 135 µs for 1 KiB, and waking the released senders and letting "
                + "them append again takes about 110 µs on 2 cores, about 25 µs of CPU per "
                + "record. Before the group commit woke only the senders a force covered "
                + "(plus one successor that gathers the next batch for at most a quarter of "
                + "the last force's duration), 40% of the CPU went to `unpark` and 33% to "
                + "`park`, and a force covered about 7 records.\n\n");
    }
}
