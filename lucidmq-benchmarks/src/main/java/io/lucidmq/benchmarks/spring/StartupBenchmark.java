package io.lucidmq.benchmarks.spring;

import io.lucidmq.LucidMQ;
import io.lucidmq.benchmarks.support.BenchDirs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up time the LucidMQ starter adds to an empty Boot application: the cold start of
 * {@link EmptyApplication} (no web server) with the LucidMQ auto-configurations excluded, and
 * with them. One start per fresh JVM, so class loading is counted; the difference of the two
 * is the starter's cost.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class StartupBenchmark {

    private Path directory;
    private ConfigurableApplicationContext context;

    /** Creates the data directory the starter is pointed at. */
    @Setup(Level.Trial)
    public void createDirectory() {
        directory = BenchDirs.create("spring-startup");
    }

    /** Closes the application the iteration started. */
    @TearDown(Level.Iteration)
    public void closeApplication() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Deletes the data directory. */
    @TearDown(Level.Trial)
    public void deleteDirectory() {
        BenchDirs.delete(directory);
    }

    /** Starts the application without the LucidMQ auto-configurations. */
    @Benchmark
    public ConfigurableApplicationContext withoutStarter() {
        context = builder().properties("spring.autoconfigure.exclude="
                + String.join(",", LucidAutoConfigurations.classNames())).run();
        return requireLucidBeans(context, 0);
    }

    /** Starts the application with the LucidMQ auto-configurations. */
    @Benchmark
    public ConfigurableApplicationContext withStarter() {
        context = builder().properties(SpringProperties.directory(directory)).run();
        return requireLucidBeans(context, 1);
    }

    /** Checks that the starter was excluded or included as the benchmark claims. */
    private static ConfigurableApplicationContext requireLucidBeans(
            ConfigurableApplicationContext context, int expected) {
        int found = context.getBeanNamesForType(LucidMQ.class).length;
        if (found != expected) {
            throw new IllegalStateException("expected " + expected + " LucidMQ bean(s) in "
                    + "the application, found " + found);
        }
        return context;
    }

    private static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EmptyApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false);
    }
}
