package io.lucidmq.cli;

import java.util.List;

/** The outcome of one in-process run of the command line. */
record CliResult(int exitCode, String out, String err) {

    /** The lines of standard output, without line separators. */
    List<String> outLines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
