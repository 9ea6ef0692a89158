package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq produce TOPIC}: appends one record per UTF-8 input line, from standard input
 * or a file.
 *
 * <p>Lines are sent in batches of the lines already available, at most {@value #MAX_BATCH}
 * at a time, so a file is written quickly and a line typed at a terminal is written at once.
 * When a line is invalid, every line before it has been written and the command fails naming
 * the line.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Appends one record per input line (UTF-8) from standard input or a file.")
final class ProduceCommand extends DirectoryCommand {

    static final int MAX_BATCH = 500;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic; it must exist.")
    String topic;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Read the lines from FILE instead of standard input.")
    Path file;

    @Option(names = "--key-separator", paramLabel = "S",
            description = "Split each line at the first S into key and value.")
    String keySeparator;

    @Option(names = "--header", paramLabel = "NAME=VALUE",
            description = "Add this header to every record; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--partition", paramLabel = "N",
            description = "Write every record to partition N instead of choosing by key.")
    Integer partition;

    /** The number of the last line read, counting from 1. */
    private long lineNumber;

    @Override
    public Integer call() {
        if (keySeparator != null && keySeparator.isEmpty()) {
            throw usageError("--key-separator must not be empty");
        }
        LineRecordParser parser = new LineRecordParser(topic, keySeparator,
                LineRecordParser.parseHeaders(headers), partition);

        try (Utf8LineReader input = openInput();
                LucidMQ lucid = openWritable()) {
            selectPartitions(requireTopic(lucid, topic), partition);
            try (Producer producer = lucid.producer()) {
                sendLines(input, parser, producer);
            }
        } catch (IOException e) {
            throw new CommandFailedException(
                    "reading " + inputName() + " failed: " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void sendLines(Utf8LineReader input, LineRecordParser parser, Producer producer)
            throws IOException {
        List<ProducerRecord> batch = new ArrayList<>();
        String line;
        while ((line = readLine(input, producer, batch)) != null) {
            lineNumber++;
            try {
                batch.add(parser.parse(line));
            } catch (IllegalArgumentException invalidLine) {
                send(producer, batch);
                throw failedAtLine(lineNumber, invalidLine.getMessage(), invalidLine);
            }
            if (batch.size() >= MAX_BATCH || !input.ready()) {
                send(producer, batch);
            }
        }
        send(producer, batch);
    }

    /** Reads the next line; on invalid UTF-8, sends the lines before it and fails. */
    private String readLine(Utf8LineReader input, Producer producer, List<ProducerRecord> batch)
            throws IOException {
        try {
            return input.readLine();
        } catch (CharacterCodingException notUtf8) {
            send(producer, batch);
            throw failedAtLine(lineNumber + 1, "invalid UTF-8", notUtf8);
        }
    }

    private void send(Producer producer, List<ProducerRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long firstLine = lineNumber - batch.size() + 1;
        List<RecordMetadata> written;
        try {
            written = producer.sendAll(List.copyOf(batch));
        } catch (RuntimeException e) {
            throw new CommandFailedException("writing lines " + firstLine + " to " + lineNumber
                    + " of " + inputName() + " failed: " + e.getMessage()
                    + "; " + writtenBefore(firstLine), e);
        }
        batch.clear();
        if (root().verbose()) {
            for (RecordMetadata metadata : written) {
                out().println(metadata.topic() + "\t" + metadata.partition() + "\t"
                        + metadata.offset());
            }
        }
    }

    private Utf8LineReader openInput() throws IOException {
        InputStream stream = file == null ? new UnclosedInputStream(environment().stdin())
                : openFile();
        return new Utf8LineReader(stream);
    }

    private InputStream openFile() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("input file " + file.toAbsolutePath()
                    + " not found");
        }
        return Files.newInputStream(file);
    }

    private CommandFailedException failedAtLine(long line, String problem, Exception cause) {
        return new CommandFailedException(inputName() + " line " + line + ": " + problem
                + "; " + writtenBefore(line), cause);
    }

    /** Returns which lines were written when {@code line} failed, for the failure message. */
    private static String writtenBefore(long line) {
        if (line <= 1) {
            return "no line was written";
        }
        return line == 2 ? "line 1 was written" : "lines 1 to " + (line - 1) + " were written";
    }

    private String inputName() {
        return file == null ? "standard input" : file.toAbsolutePath().toString();
    }

    /** Standard input, which belongs to the process and stays open after the command. */
    private static final class UnclosedInputStream extends FilterInputStream {

        UnclosedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // The process, not the command, owns standard input.
        }
    }
}
