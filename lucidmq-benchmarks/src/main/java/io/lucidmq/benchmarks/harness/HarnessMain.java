package io.lucidmq.benchmarks.harness;

import io.lucidmq.benchmarks.footprint.FootprintScenario;
import io.lucidmq.benchmarks.latency.LatencyScenario;
import io.lucidmq.benchmarks.spring.SpringScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one scenario measured outside JMH and writes its results as a JSON array of
 * {@link HarnessResult}.
 *
 * <p>Usage: {@code HarnessMain SCENARIO MODE OUTPUT.json}, where SCENARIO is
 * {@code produce-to-poll}, {@code footprint} or {@code spring}, and MODE is {@code short},
 * {@code full} or {@code smoke}. Each scenario runs in its own JVM so that one does not warm up
 * or fill the heap of the next.
 */
public final class HarnessMain {

    private HarnessMain() {
    }

    /** Runs the scenario named by {@code args[0]}; see the class documentation. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: HarnessMain produce-to-poll|footprint|spring "
                    + "short|full|smoke OUTPUT.json");
            System.exit(2);
        }
        HarnessMode mode = HarnessMode.named(args[1]);
        List<HarnessResult> results = run(args[0], mode);
        write(results, Path.of(args[2]));
        results.forEach(result -> System.out.println(result));
    }

    /** Runs the scenario named {@code scenario} with the lengths of {@code mode}. */
    public static List<HarnessResult> run(String scenario, HarnessMode mode) {
        return switch (scenario) {
            case LatencyScenario.NAME -> LatencyScenario.run(mode);
            case FootprintScenario.NAME -> FootprintScenario.run(mode);
            case "spring" -> SpringScenarios.run(mode);
            default -> throw new IllegalArgumentException("scenario must be "
                    + LatencyScenario.NAME + ", " + FootprintScenario.NAME
                    + " or spring, but was " + scenario);
        };
    }

    /** Writes {@code results} as a JSON array to {@code file}, replacing it. */
    public static void write(List<HarnessResult> results, Path file) throws Exception {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        mapper.writeValue(file.toFile(), results);
    }
}
