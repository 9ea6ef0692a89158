package io.lucidmq.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point of the {@code lucidmq} executable jar. */
public final class Main {

    /** The slf4j-simple property that sets the level of every logger without its own. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * The slf4j-simple property of the consumer's fetcher, which simplelogger.properties sets
     * to error so that a damaged batch shows as the command's one-line message alone.
     */
    static final String FETCHER_LOG_LEVEL_PROPERTY =
            "org.slf4j.simpleLogger.log.io.lucidmq.consumer.PartitionFetcher";

    private Main() {
    }

    /** Runs the command line {@code args} and exits with the command's status. */
    public static void main(String[] args) {
        if (isVerbose(args)) {
            // slf4j-simple reads its level once, when the first logger is created, so the level
            // must be set before picocli builds the commands.
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
            System.setProperty(FETCHER_LOG_LEVEL_PROPERTY, "info");
        }
        CommandLine commandLine = LucidCli.newCommandLine(CliEnvironment.system());
        // Records are UTF-8, whatever the platform's default charset.
        commandLine.setOut(utf8Writer(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        commandLine.setErr(utf8Writer(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
        System.exit(commandLine.execute(args));
    }

    /** Returns whether {@code --verbose} or {@code -v} comes before any {@code --}. */
    static boolean isVerbose(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--verbose") || arg.equals("-v")) {
                return true;
            }
        }
        return false;
    }

    private static PrintWriter utf8Writer(OutputStreamWriter writer) {
        return new PrintWriter(writer, true);
    }
}
