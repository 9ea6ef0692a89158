package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupConsumeTest {

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
        Fixtures.createTopic(directory, "orders", 2);
    }

    @Test
    void groupCommitsSoSecondRunPrintsNothing() {
        Fixtures.sendValues(directory, "orders", "a", "b", "c");

        CliResult first = cli.run("consume", "orders", "--group", "billing");
        CliResult second = cli.run("consume", "orders", "--group", "billing");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
        assertThat(first.outLines()).containsExactly("a", "b", "c");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(0);
        assertThat(second.out()).isEmpty();
        assertThat(Fixtures.committed(directory, "billing", "orders", 0)).hasValue(3);
    }

    @Test
    void groupResumesAfterNewRecords() {
        Fixtures.sendValues(directory, "orders", "a");
        cli.run("consume", "orders", "--group", "billing");
        Fixtures.sendValues(directory, "orders", "b", "c");

        CliResult result = cli.run("consume", "orders", "--group", "billing");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("b", "c");
    }

    @Test
    void groupCommitsOnlyPrintedRecords() {
        Fixtures.sendValues(directory, "orders", "a", "b", "c");

        CliResult first = cli.run("consume", "orders", "--group", "billing",
                "--max-records", "2");

        assertThat(first.outLines()).containsExactly("a", "b");
        assertThat(Fixtures.committed(directory, "billing", "orders", 0)).hasValue(2);
        CliResult rest = cli.run("consume", "orders", "--group", "billing");
        assertThat(rest.outLines()).containsExactly("c");
    }

    @Test
    void groupWithStartOptionIsUsageError() {
        CliResult result = cli.run("consume", "orders", "--group", "billing",
                "--from-beginning");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--group starts at the group's committed offsets");
    }

    @Test
    void groupWithPartitionIsUsageError() {
        CliResult result = cli.run("consume", "orders", "--group", "billing",
                "--partition", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("takes no --partition");
    }

    @Test
    void groupWhileDirectoryInUseFails() {
        Fixtures.sendValues(directory, "orders", "a");
        try (LucidMQ writer = LucidMQ.open(directory)) {
            CliResult result = cli.run("consume", "orders", "--group", "billing");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).contains("directory " + directory
                    + " is in use by another process");
            assertThat(writer.describeGroup("billing")).isEmpty();
        }
    }
}
