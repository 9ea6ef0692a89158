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
        out.append("Profiles taken on 2026-12-04 and 2026-12-05 with ").append(COMMAND)
                .append(". Shares are of the appending thread's samples.\n\n");
        out.append("- **1 KiB appends, no force.** Profiles of 2026-12-05 (`event=wall` and "
                + "`event=cpu`, with `threads=true`) and a `perf record -a -e "
                + "sched:sched_switch` trace of the whole machine were taken with one "
                + "preparer thread. The sending thread waited for file space 54% of its time, "
                + "while the preparer was off its processor for only 0.3 s of the 4 s trace "
                + "and spent 80% of its time in the `pwrite` of zeros. Preparing file space "
                + "set the rate, on one processor, while the sending thread's processor "
                + "idled. A "
                + "partition whose last segment filled within 10 s now gets its next "
                + "segment's file prepared in full by a second thread while the active "
                + "segment fills, so both processors prepare file space. The roll renames "
                + "that file without waiting for a chunk under way: in a first version that "
                + "waited, the wait took 18.5% of the sending thread's time. In short runs "
                + "alternated with the engine before the change (`-f 1 -wi 2 -w 2s -i 5 -r "
                + "2s`), one thread sent 1.39 to 1.47 M/s before and 1.57 to 1.80 M/s after, "
                + "against 1.91 to 2.08 M/s for the raw FileChannel writer in the same runs. "
                + "Both processors are then about 90% busy (`vmstat 1`): LucidMQ writes each "
                + "byte twice (the preparer's zeros, then the record), computes a CRC32C of "
                + "each batch, and unmaps each full segment, while the raw writer copies each "
                + "byte once. Extending the file with `fallocate` (through "
                + "`FileChannel.map`) instead of zeros costs more: a loop that prepares "
                + "128 MiB took 180 to 590 ms that way, against 57 to 490 ms with zeros. The "
                + "sealer forces a full segment with one `fsync` after unmapping it. An `msync` "
                + "over the writer's mappings write-protected each page it wrote back, which "
                + "flushed the TLB of both processors while the sending thread wrote (0.70 "
                + "to 1.10 M/s that way, 1.24 to 1.30 M/s without, in runs of "
                + "2026-12-04).\n");
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
                + "apart. The target's note bounds the rate with figures of the run itself: "
                + "raw forces of 8 and 16 records (`RawBatchForceBenchmark`) and the release "
                + "of 15 parked threads (`SenderReleaseBenchmark`). In standalone loops on "
                + "2026-12-05 a raw force took 83 to 87 µs for 1 record, 103 to 105 µs for 8 "
                + "and 122 to 124 µs for 16. A round of 16 threads at a `Phaser` took 89 to "
                + "111 µs.\n");
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
