package io.lucidmq.benchmarks.report;

/**
 * The section on where the targets a run may miss lose their time, from profiles of the
 * engine taken with async-profiler. The shares are measurements of one profile each, not of
 * the run the page reports, so the section names the command and the date. Stateless.
 */
final class ProfileNotes {

    private static final String COMMAND = "`-prof \"async:libPath=<libasyncProfiler.so>;"
            + "event=itimer;interval=100000;threads=true;output=collapsed\"` added to the JMH "
            + "command line of one benchmark (async-profiler 4.1; CPU-timer samples), and "
            + "the same with `event=cpu` where the note says so";

    /** Appends the section. */
    void appendTo(StringBuilder out) {
        out.append("## Where the missed targets lose time\n\n");
        out.append("Profiles taken on 2026-12-04 with ").append(COMMAND).append(". Shares are "
                + "of the appending thread's samples.\n\n");
        out.append("- **1 KiB appends, no force.** The sealer unmaps a full segment and forces "
                + "it with one `fsync`. The engine used to force it with `msync` over the "
                + "writer's mappings instead. That write-protected each page it wrote back, "
                + "which flushes the TLB of both processors while the sending thread writes. "
                + "In short runs of this benchmark the send rate was 0.70 to 1.10 M/s that "
                + "way and is 1.24 to 1.30 M/s now. The raw writer that forces each full "
                + "segment in the background (row above) runs as fast as the one that never "
                + "forces, so the disk work itself does not slow the sending thread. In a CPU "
                + "profile (`event=cpu`) the sending thread spends 25% of its samples in the "
                + "CRC32C of the batch and 22% encoding and copying the records into the "
                + "mapping. It spends 9% reading the clock and 14% on file space when the "
                + "preparer thread falls behind. A CRC32C of 1 KiB takes 26 ns in a loop "
                + "here. The CRC share is therefore most likely the cache misses of the "
                + "freshly prepared pages, which the copy before it leaves pending. That is "
                + "an estimate, because the profile cannot tell them apart. The preparer "
                + "writes 4 MiB of zeros per chunk, the same kernel work as the raw writer's "
                + "whole `write` (half of the preparer's samples are that copy), and on 2 "
                + "cores it competes with the sending thread. Extending the file with "
                + "`fallocate` (through `FileChannel.map`) instead of zeros costs more: a "
                + "loop that prepares 128 MiB took 180 to 590 ms that way, against 57 to 490 "
                + "ms with zeros. A wall-clock profile (`event=wall`) shows who sets the "
                + "rate: the sending thread waits for the preparer to finish a chunk for 55 "
                + "to 66% of its time, and the preparer spends 79% of its time in the "
                + "`pwrite` of zeros. Touching a chunk's pages only when the preparer runs "
                + "well ahead, and letting the other pages fault on the sending thread, "
                + "removes the touching (about a tenth of the preparer's samples) from the "
                + "preparer. In two short runs each against the engine without it, the rates "
                + "did not differ beyond the runs' spread, so the engine does not do it.\n");
        out.append("- **100 B appends against Chronicle Queue.** The per-record costs do not "
                + "shrink with the value. In the sending thread's samples: reading the "
                + "clock (`clock_gettime` through the vDSO) 13%, the CRC32C of the batch "
                + "20%, the `List.of` and `RecordMetadata` of each send 8%, and the instance "
                + "and append locks about 6%. Chronicle Queue writes into its mapped file "
                + "with no per-record lock and no checksum.\n");
        out.append("- **16 blocking durable senders.** Each force cycle was timed with "
                + "`System.nanoTime` stamps added to `GroupCommit` for the measurement, in "
                + "short runs. A force covers 13 to 14 records and takes 170 to 200 µs, "
                + "against 112 µs for a single sender's one record. Before it, the claimer "
                + "gathers for 80 to 100 µs, longer than its bound of a quarter of the last "
                + "force, because each `Thread.yield` hands the processor to the woken "
                + "senders. Ending a force wakes the covered senders one by one for 70 to 80 "
                + "µs, about 5.5 µs per `unpark`, and the successor claims the next force "
                + "about 40 µs after the end begins. A cycle of about 310 µs for 13.5 records "
                + "is about 43,000 records/s. A CPU profile (`event=cpu`) puts 25% of all "
                + "samples in the kernel's context switch (`finish_task_switch`). Four "
                + "variants were not faster in short runs one after the other. Without "
                + "gathering, a force covered 8 records and the next claim came 120 µs after "
                + "the end. Gathering by spinning instead of yielding covered 9 records per "
                + "force. Waking the successor last instead of first changed nothing. A "
                + "successor that yields in a loop instead of parking ran at 21,600 to 32,300 "
                + "records/s against 33,800 to 40,300. Before the group commit woke only the "
                + "senders a force covered, 40% of the CPU went to `unpark` and 33% to "
                + "`park`, and a force covered about 7 records. Waking the covered senders "
                + "as a tree, each woken sender waking two more so that both processors "
                + "wake senders, ran at 37,900 and 46,100 records/s in two short runs, "
                + "against 42,500 and 56,200 for the engine as it is. A raw loop that writes "
                + "16 records of 1 KiB and then calls `force(false)` takes 103 to 133 µs per "
                + "force, against 92 to 113 µs for one record, so the disk allows about 16 "
                + "records per 120 µs. The cycle above loses its time in waking the senders "
                + "and in its force of 13 to 14 records, which takes 170 to 200 µs. Whether "
                + "that force is slower because it writes back mapped pages or because the "
                + "claimer waits for a processor after it, these measurements do not tell "
                + "apart.\n");
        out.append("- **One durable sender against the raw force loop.** The raw loop writes "
                + "with `pwrite` and forces with `fdatasync`. LucidMQ used to write through its "
                + "mapping and force the written range with `msync`. In a loop here, one "
                + "record of 1 KiB written and forced the mapped way took 100 to 117 µs. "
                + "With `pwrite` and `fdatasync` it took 84 to 87 µs: forcing mapped pages "
                + "write-protects them, so the next append to each page faults again. A "
                + "partition of a SYNC topic now writes and forces its active segment through "
                + "a file it keeps open, while it holds one of the instance's write channels "
                + "(a quarter of the open segment file cap). Three short runs alternated with the "
                + "engine before it. One thread sent 12,150, 11,490 and 11,170 records/s "
                + "against 9,790, 9,690 and 9,600. Four threads sent 26,100, 27,650 and 25,240 "
                + "against 22,790, 20,300 and 19,990. Sixteen threads sent 51,500, 64,100 and "
                + "53,900 against 44,300, 60,500 and 46,200. Because one thread "
                + "gains the most, the 16-thread rate divided by the 1-thread rate fell.\n\n");
    }
}
