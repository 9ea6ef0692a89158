package io.lucidmq.cli.command;

import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.cli.output.BytesText;
import io.lucidmq.inspect.BatchSummary;
import io.lucidmq.inspect.LogInspector;
import io.lucidmq.record.ConsumerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq dump FILE}: prints the batches of a segment file and the records in them.
 * Reads only. Keys, values and header values are printed as quoted strings when they are
 * UTF-8 and as {@code base64:...} otherwise.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Prints the batches of a segment file and their records. Exits with 3 "
                + "when a batch has a bad checksum or the file ends in bytes that are not a "
                + "whole batch.")
final class DumpCommand extends DirectoryCommand {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The segment file, as given or relative to --dir.")
    Path file;

    @Option(names = "--batches-only", description = "Print the batches without their records.")
    boolean batchesOnly;

    private boolean damaged;

    @Override
    public Integer call() {
        Path segment = resolveFile();
        long size = sizeOf(segment);
        PrintWriter out = out();

        long stoppedAt = LogInspector.dump(segment, this::printBatch);

        if (stoppedAt < size) {
            damaged = true;
            out.println("stopped at byte " + stoppedAt + " of " + size + ": the rest of "
                    + segment + " is not a whole batch");
        }
        out.println(damaged ? segment + " is damaged" : segment + " is sound");
        return damaged ? ExitCodes.PROBLEMS_FOUND : ExitCodes.OK;
    }

    private void printBatch(BatchSummary batch) {
        PrintWriter out = out();
        out.println("batch at byte " + batch.position() + ": offsets " + batch.baseOffset()
                + " to " + batch.lastOffset() + ", " + batch.sizeInBytes() + " bytes, "
                + "timestamps " + Instant.ofEpochMilli(batch.firstTimestamp()) + " to "
                + Instant.ofEpochMilli(batch.maxTimestamp()) + ", checksum "
                + (batch.checksumValid() ? "valid" : "INVALID"));
        if (!batch.checksumValid()) {
            damaged = true;
        }
        if (!batchesOnly) {
            batch.records().forEach(record -> out.println("  " + describe(record)));
        }
    }

    private static String describe(ConsumerRecord record) {
        String headers = record.headers().stream()
                .map(header -> header.name() + "=" + BytesText.display(header.value()))
                .collect(Collectors.joining(", ", "[", "]"));
        return "offset " + record.offset() + " at " + Instant.ofEpochMilli(record.timestamp())
                + " key " + BytesText.display(record.key())
                + " value " + BytesText.display(record.value())
                + " headers " + headers;
    }

    /** Returns FILE as given when it exists, else FILE relative to {@code --dir}. */
    private Path resolveFile() {
        if (Files.isRegularFile(file)) {
            return file.toAbsolutePath();
        }
        Path inDirectory = directory().resolve(file);
        if (Files.isRegularFile(inDirectory)) {
            return inDirectory;
        }
        throw new CommandFailedException("segment file " + file + " not found, neither as "
                + file.toAbsolutePath() + " nor as " + inDirectory);
    }

    private static long sizeOf(Path segment) {
        try {
            return Files.size(segment);
        } catch (IOException e) {
            throw new CommandFailedException(
                    "reading the size of " + segment + " failed: " + e.getMessage(), e);
        }
    }
}
