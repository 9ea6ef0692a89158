package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages random bytes of a written directory, one mutation per copy, and checks each reopen
 * with {@link FuzzCheck}. Quick mode runs a few hundred mutations within about 45 seconds;
 * {@code -Dlucidmq.fuzz.mutations=10000} runs a long one. The seed is printed in the summary
 * line and in every failure; {@code -Dlucidmq.reliability.seed=...} replays a run.
 */
class CorruptionFuzzTest {

    private static final String MUTATIONS_PROPERTY = "lucidmq.fuzz.mutations";
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REPORTED = 20;

    @TempDir
    Path temp;

    @Test
    void randomDamageNeverReturnsCorruptRecords() throws Exception {
        HarnessSettings settings = HarnessSettings.read(MUTATIONS_PROPERTY, 300,
                Duration.ofSeconds(45));
        Random random = new Random(settings.seed());
        SummaryLine summary = new SummaryLine("corruption-fuzz", "mutations", "reopened",
                "records", "corruptReturned", "prefixLost", "reopenFailures", "checksumErrors",
                "openFailedNamingFile", "commitLost");
        List<String> failures = new ArrayList<>();
        ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "corruption-fuzz-check");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        try (QuietLogs quiet = QuietLogs.errorsOnly()) {
            FuzzCorpus clean = FuzzCorpus.write(temp.resolve("clean"), false, settings.seed());
            FuzzCorpus crashed = FuzzCorpus.write(temp.resolve("crashed"), true,
                    settings.seed() + 1);
            for (int i = 0; i < settings.count() && !settings.budgetSpent(start); i++) {
                FuzzCorpus corpus = i % 2 == 0 ? clean : crashed;
                String failure = mutateAndCheck(corpus, i, random, summary, checker);
                if (failure != null && failures.size() < MAX_REPORTED) {
                    failures.add(failure);
                }
                if (failure != null && failure.startsWith("timed out")) {
                    break;
                }
            }
        } finally {
            checker.shutdownNow();
        }
        String seed = " seed=" + settings.seed();
        summary.publish(seed);
        assertThat(failures).as("corruption-fuzz failures," + seed).isEmpty();
        assertThat(summary.get("corruptReturned")).as("corrupt records returned").isZero();
        assertThat(summary.get("prefixLost")).as("mutations that lost undamaged records")
                .isZero();
    }

    /** Damages a fresh copy of {@code corpus} once and checks it; returns a failure or null. */
    private String mutateAndCheck(FuzzCorpus corpus, int index, Random random,
            SummaryLine summary, ExecutorService checker) throws IOException,
            InterruptedException {
        Path copy = DirectoryCopy.copy(corpus.directory(), temp.resolve("m" + index));
        try {
            FuzzTarget target = FuzzTarget.pick(random);
            List<Path> files = target.files(corpus, copy);
            Path file = files.get(random.nextInt(files.size()));
            Mutation mutation = Mutation.random(file, Files.size(file), random);
            mutation.apply();
            summary.increment("mutations");
            String context = "mutation " + index + " (" + mutation.describe(copy) + ", "
                    + (corpus == null ? "" : corpus.directory().getFileName()) + " corpus)";
            Future<List<String>> check = checker.submit(
                    new FuzzCheck(corpus, copy, target, mutation, summary)::run);
            try {
                List<String> problems = check.get(CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return problems.isEmpty() ? null : context + ": " + problems;
            } catch (TimeoutException e) {
                check.cancel(true);
                return "timed out after " + CHECK_TIMEOUT + " checking " + context;
            } catch (ExecutionException e) {
                return context + ": check threw " + e.getCause();
            }
        } finally {
            DirectoryCopy.delete(copy);
        }
    }
}
