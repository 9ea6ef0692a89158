package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.DirectoryLockedException;
import io.lucidmq.LucidMQ;
import io.lucidmq.testing.ChildJvm;
import io.lucidmq.testing.WriterLockMain;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockProcessTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @Test
    void writerInOtherProcessIsRejectedNamingDirectory() throws Exception {
        try (LucidMQ owner = LucidMQ.open(directory);
                ChildJvm child = ChildJvm.start(WriterLockMain.class,
                        logs.resolve("probe.err"), directory.toString(), "probe")) {
            assertThat(child.awaitExit(CHILD_TIMEOUT)).isEqualTo(WriterLockMain.EXIT_REJECTED);
            assertThat(child.lines()).anyMatch(line -> line.startsWith("REJECTED ")
                    && line.contains(directory.toAbsolutePath().toString())
                    && line.contains("pid " + ProcessHandle.current().pid()));
            assertThat(owner.listTopics()).isEmpty();
        }
    }

    @Test
    void killedWriterReleasesLock() throws Exception {
        try (ChildJvm child = ChildJvm.start(WriterLockMain.class, logs.resolve("hold.err"),
                directory.toString(), "hold")) {
            child.awaitLine("OPENED"::equals, CHILD_TIMEOUT);

            assertThatThrownBy(() -> LucidMQ.open(directory))
                    .isInstanceOf(DirectoryLockedException.class)
                    .hasMessageContaining(directory.toAbsolutePath().toString())
                    .hasMessageContaining("pid " + child.pid());

            child.kill();
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.listTopics()).isEmpty();
        }
    }
}
