package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.harness.HarnessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON results of one suite run into the Markdown page {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code ReportGenerator --machine machine.properties --out benchmarks.md
 * [--jmh jmh.json]... [--harness harness.json]...}. Every figure on the page comes from these
 * files; a figure missing from them is shown as missing, never estimated.
 */
public final class ReportGenerator {

    private final Figures figures;
    private final MachineInfo machine;

    /** Creates a generator of the page for {@code figures} measured on {@code machine}. */
    public ReportGenerator(Figures figures, MachineInfo machine) {
        this.figures = figures;
        this.machine = machine;
    }

    /** Reads the files named by the arguments and writes the page; see the class docs. */
    public static void main(String[] args) throws IOException {
        List<JmhResult> jmh = new ArrayList<>();
        List<HarnessResult> harness = new ArrayList<>();
        Path machineFile = null;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            Path value = Path.of(args[i + 1]);
            switch (args[i]) {
                case "--jmh" -> jmh.addAll(ResultFiles.readJmh(value));
                case "--harness" -> harness.addAll(ResultFiles.readHarness(value));
                case "--machine" -> machineFile = value;
                case "--out" -> out = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --jmh, --harness, --machine or --out");
            }
        }
        if (machineFile == null || out == null) {
            throw new IllegalArgumentException("--machine and --out are required");
        }
        String page = new ReportGenerator(new Figures(jmh, harness), MachineInfo.read(machineFile))
                .render();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, page, StandardCharsets.UTF_8);
    }

    /** Returns the whole page. */
    public String render() {
        StringBuilder out = new StringBuilder();
        new Preamble(figures, machine).appendTo(out);
        appendTargets(out);
        new ProfileNotes().appendTo(out);
        ThroughputSections throughput = new ThroughputSections(figures);
        OtherSections other = new OtherSections(figures);
        throughput.appendAppend(out);
        throughput.appendDurable(out);
        out.append("## 3. Consume and produce-to-poll latency\n\n");
        throughput.appendConsume(out);
        other.appendLatency(out);
        other.appendSpring(out);
        other.appendRecovery(out);
        other.appendMemory(out);
        new Preamble(figures, machine).appendSettings(out);
        return out.toString();
    }

    private void appendTargets(StringBuilder out) {
        out.append("## Targets\n\n");
        out.append("Each ratio divides two figures of this run. The range in brackets divides "
                + "the slowest iteration of one side by the fastest of the other, and the "
                + "reverse: how far the ratio moves as the machine's load changes. A verdict "
                + "compares the measured figure itself with the bound.\n\n");
        MarkdownTable table = new MarkdownTable("Target", "Measured", "Bound", "Verdict",
                "Note");
        for (TargetCheck check : new Targets(figures).check()) {
            table.row(check.target(), check.measured(), check.bound(),
                    "**" + check.verdict().label() + "**", check.note());
        }
        table.appendTo(out);
    }
}
