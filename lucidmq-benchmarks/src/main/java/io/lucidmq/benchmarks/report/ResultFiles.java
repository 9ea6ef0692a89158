package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.harness.HarnessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JMH's JSON result files and the harness's JSON result files. */
public final class ResultFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ResultFiles() {
    }

    /** Reads a JMH result file: a JSON array with one object per benchmark and parameter set. */
    public static List<JmhResult> readJmh(Path file) {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (!root.isArray()) {
            throw new IllegalArgumentException(file.toAbsolutePath()
                    + " is not a JMH JSON result: expected an array, found " + root.getNodeType());
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            results.add(toResult(node));
        }
        return results;
    }

    /** Reads a harness result file written by {@code HarnessMain}. */
    public static List<HarnessResult> readHarness(Path file) {
        return MAPPER.readValue(file.toFile(), new TypeReference<List<HarnessResult>>() { });
    }

    private static JmhResult toResult(JsonNode node) {
        JmhResult.Settings settings = new JmhResult.Settings(
                node.path("forks").asInt(),
                node.path("warmupIterations").asInt(),
                node.path("warmupTime").asString(""),
                node.path("measurementIterations").asInt(),
                node.path("measurementTime").asString(""),
                node.path("jvm").asString(""),
                node.path("jdkVersion").asString(""),
                node.path("vmName").asString(""),
                node.path("jmhVersion").asString(""));
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").properties().forEach(entry ->
                params.put(entry.getKey(), entry.getValue().asString()));
        Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>();
        node.path("secondaryMetrics").properties().forEach(entry ->
                secondary.put(entry.getKey(), toMetric(entry.getValue())));
        return new JmhResult(node.path("benchmark").asString(), node.path("mode").asString(),
                node.path("threads").asInt(1), settings, params,
                toMetric(node.path("primaryMetric")), secondary);
    }

    private static JmhResult.Metric toMetric(JsonNode metric) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int samples = 0;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode iteration : fork) {
                double value = number(iteration);
                min = Math.min(min, value);
                max = Math.max(max, value);
                samples++;
            }
        }
        if (samples < 2) {
            min = Double.NaN;
            max = Double.NaN;
        }
        return new JmhResult.Metric(number(metric.path("score")),
                number(metric.path("scoreError")), metric.path("scoreUnit").asString(""), min,
                max);
    }

    /** JMH writes {@code "NaN"} as a string when it has no error estimate. */
    private static double number(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asString("NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
