package io.lucidmq.spring.autoconfigure;

import static io.lucidmq.spring.autoconfigure.LucidPropertiesValidationTests.findInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;

/**
 * Binding of {@code lucidmq.*} values typed by YAML: numbers arrive as {@code Double} or
 * {@code Long} and lists as indexed names, unlike the strings of properties files.
 */
class LucidPropertiesYamlTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class,
                        LucidListenerAutoConfiguration.class))
                .withPropertyValues("lucidmq.directory=" + directory);
    }

    @ParameterizedTest(name = "{0}: 20.7")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.default-partitions          | use a whole number from 1 to 2147483647",
        "lucidmq.max-open-segment-files      | use a whole number from 16 to 2147483647",
        "lucidmq.topics.orders.partitions    | use a whole number from 1 to 2147483647",
        "lucidmq.listener.concurrency        | use a whole number from 1 to 2147483647",
        "lucidmq.listener.max-poll-records   | use a whole number from 1 to 2147483647",
        "lucidmq.listener.retry.max-attempts | use a whole number from 1 to 2147483647",
    })
    void fractionForWholeNumberFailsStartup(String property, String allowed) {
        runner().withInitializer(yaml(property + ": 20.7")).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(InvalidLucidPropertyException.class);
            InvalidLucidPropertyException invalid = findInvalid(failure);
            assertThat(invalid.getProperty()).isEqualTo(property);
            assertThat(invalid.getValue()).isEqualTo("20.7");
            assertThat(invalid.getAllowed()).isEqualTo(allowed);
            FailureAnalysis analysis = new LucidFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo("Invalid value '20.7' for property '"
                    + property + "': " + allowed);
            assertThat(analysis.getAction()).contains("'" + property + "'");
            assertThat(analysis.getCause()).isInstanceOf(BindException.class);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.default-partitions   | 0.5    | 0.5",
        "lucidmq.listener.concurrency | .nan   | NaN",
        "lucidmq.default-partitions   | 1.25e+1 | 12.5",
    })
    void otherNonWholeNumberFailsStartup(String property, String yamlValue, String value) {
        runner().withInitializer(yaml(property + ": " + yamlValue)).run(context -> {
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getProperty()).isEqualTo(property);
            assertThat(invalid.getValue()).isEqualTo(value);
            assertThat(invalid.getAllowed()).startsWith("use a whole number");
        });
    }

    @Test
    void wholeDecimalBindsAsInteger() {
        runner().withInitializer(yaml("lucidmq.default-partitions: 2.0")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LucidProperties.class).getDefaultPartitions())
                    .isEqualTo(2);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.max-open-segment-files   | 99999999999  | from 16 to 2147483647",
        "lucidmq.max-open-segment-files   | -99999999999 | from 16 to 2147483647",
        "lucidmq.topics.orders.partitions | 3000000000   | from 1 to 2147483647",
        "lucidmq.listener.concurrency     | 1.0e20       | from 1 to 2147483647",
    })
    void yamlNumberOutOfRangeNamesRange(String property, String value, String range) {
        runner().withInitializer(yaml(property + ": " + value)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new LucidFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("'" + property + "'");
            assertThat(analysis.getDescription()).endsWith("use a whole number " + range);
            assertThat(analysis.getAction()).contains(range);
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.max-open-segment-files   | 99999999999 | from 16 to 2147483647",
        "lucidmq.default-partitions       | 2147483648  | from 1 to 2147483647",
        "lucidmq.topics.orders.partitions | 20.7        | from 1 to 2147483647",
    })
    void textNumberOutOfRangeNamesRange(String property, String value, String range) {
        runner().withPropertyValues(property + "=" + value).run(context -> {
            FailureAnalysis analysis = new LucidFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo("Invalid value '" + value
                    + "' for property '" + property + "': use a whole number " + range);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.default-partitions          | '[2, 3]'        | [2, 3]",
        "lucidmq.max-open-segment-files      | '[64]'          | [64]",
        "lucidmq.durability                  | '[os]'          | [os]",
        "lucidmq.segment-size                | '[1MB]'         | [1MB]",
        "lucidmq.retention                   | '[7d, 1d]'      | [7d, 1d]",
        "lucidmq.auto-create-topics          | '[false]'       | [false]",
        "lucidmq.topics.orders.partitions    | '[4]'           | [4]",
        "lucidmq.listener.concurrency        | '[4]'           | [4]",
        "lucidmq.listener.ack-mode           | '[manual]'      | [manual]",
        "lucidmq.listener.retry.multiplier   | '[2.0]'         | [2.0]",
        "lucidmq.template.default-topic      | '[a, b]'        | [a, b]",
        "lucidmq.listener.dead-letter.suffix | '[{x: -dead}]'  | [[0].x=-dead]",
    })
    void listForSingleValueFailsStartup(String property, String list, String expectedValue) {
        runner().withInitializer(yaml(property + ": " + list)).run(context -> {
            assertThat(context).hasFailed();
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getProperty()).isEqualTo(property);
            assertThat(invalid.getValue()).isEqualTo(expectedValue);
            assertThat(invalid.getAllowed()).isEqualTo("give one value instead of a list");
            FailureAnalysis analysis = new LucidFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo("Invalid value '" + expectedValue
                    + "' for property '" + property + "': give one value instead of a list");
        });
    }

    @Test
    void singleValueInOtherSourceWinsOverList() {
        runner().withInitializer(yaml("lucidmq.default-partitions: [2, 3]"))
                .withPropertyValues("lucidmq.default-partitions=4")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LucidProperties.class).getDefaultPartitions())
                            .isEqualTo(4);
                });
    }

    @Test
    void topicsMapStillBinds() {
        runner().withInitializer(yaml("""
                lucidmq:
                  topics:
                    orders:
                      partitions: 3
                """)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LucidProperties.class).getTopics().get("orders")
                            .getPartitions()).isEqualTo(3);
                });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.retention                | 7",
        "lucidmq.force-interval           | 100",
        "lucidmq.topics.orders.retention  | 7",
        "lucidmq.listener.poll-timeout    | '500'",
    })
    void durationWithoutUnitFailsStartup(String property, String value) {
        runner().withInitializer(yaml(property + ": " + value)).run(context -> {
            assertThat(context).hasFailed();
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getProperty()).isEqualTo(property);
            assertThat(invalid.getValue()).isEqualTo(value.replace("'", ""));
            assertThat(invalid.getAllowed()).isEqualTo("give a unit, such as 500ms, 30s, 5m, "
                    + "12h or 7d: a number alone would be read as milliseconds");
        });
    }

    @Test
    void minusOneRetentionStillBinds() {
        runner().withInitializer(yaml("lucidmq.retention: -1")).run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void dottedTopicNameNeedsBrackets() {
        runner().withInitializer(yaml("""
                lucidmq:
                  topics:
                    orders.v1:
                      partitions: 2
                """)).run(context -> {
                    assertThat(context).hasFailed();
                    InvalidLucidPropertyException invalid =
                            findInvalid(context.getStartupFailure());
                    assertThat(invalid.getProperty())
                            .isEqualTo("lucidmq.topics.orders.v1.partitions");
                    assertThat(invalid.getAllowed()).isEqualTo("a topic name with a dot must be "
                            + "written in brackets: 'lucidmq.topics[orders.v1].partitions' (in "
                            + "YAML, the key \"[orders.v1]\")");
                });
    }

    @Test
    void bracketedDottedTopicNameBinds() {
        runner().withInitializer(yaml("""
                lucidmq:
                  topics:
                    "[orders.v1]":
                      partitions: 2
                """)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LucidProperties.class).getTopics()
                            .get("orders.v1").getPartitions()).isEqualTo(2);
                });
    }

    @Test
    void topicNameWithSpaceFailsStartup() {
        runner().withInitializer(yaml("""
                lucidmq:
                  topics:
                    bad name:
                      partitions: 2
                """)).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(findInvalid(context.getStartupFailure()).getAllowed())
                            .isEqualTo("topic 'bad name' has a character that topic names do "
                                    + "not allow: use a-z A-Z 0-9 . _ -");
                });
    }

    @Test
    void misspeltTopicSettingFailsStartup() {
        runner().withInitializer(yaml("lucidmq.topics.orders.partitons: 2")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(findInvalid(context.getStartupFailure()).getAllowed())
                    .isEqualTo("'partitons' is not a topic setting: use one of partitions, "
                            + "segment-size, max-record-size, retention-bytes, retention, "
                            + "durability");
        });
    }

    @Test
    void otherPropertiesBeansKeepSpringBehaviour() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class))
                .withUserConfiguration(OtherPropertiesConfiguration.class)
                .withPropertyValues("lucidmq.directory=" + directory)
                .withInitializer(yaml("other.count: 2.9\nother.name: [a, b]"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    OtherProperties other = context.getBean(OtherProperties.class);
                    assertThat(other.getCount()).isEqualTo(2);
                    assertThat(other.getName()).isEqualTo("unset");
                });
    }

    @Test
    void everyWholeNumberPropertyHasMinimum() {
        Set<String> wholeNumberProperties = new TreeSet<>();
        collectWholeNumberProperties(LucidProperties.class, "lucidmq.", wholeNumberProperties);

        assertThat(wholeNumberProperties).isNotEmpty();
        assertThat(new TreeSet<>(WholeNumberRanges.MINIMUMS.keySet()))
                .isEqualTo(wholeNumberProperties);
    }

    @Test
    void minimumsMatchStartupChecks() {
        WholeNumberRanges.MINIMUMS.forEach((key, minimum) -> {
            String property = key.replace("*", "orders");
            runner().withPropertyValues(property + "=" + (minimum - 1)).run(context -> {
                InvalidLucidPropertyException invalid =
                        findInvalid(context.getStartupFailure());
                assertThat(invalid.getProperty()).isEqualTo(property);
                assertThat(invalid.getAllowed()).isEqualTo(
                        "use a whole number from " + minimum + " to " + Integer.MAX_VALUE);
            });
            runner().withPropertyValues(property + "=" + minimum).run(context ->
                    assertThat(context).as(property + "=" + minimum).hasNotFailed());
        });
    }

    /**
     * Adds the names of the {@code int} and {@code Integer} properties of {@code type} and of
     * its nested groups, with {@code *} for the key of a map such as {@code topics}.
     */
    private static void collectWholeNumberProperties(Class<?> type, String prefix,
            Set<String> names) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String name = prefix + field.getName().replaceAll("([A-Z])", "-$1")
                    .toLowerCase(Locale.ROOT);
            Class<?> fieldType = field.getType();
            if (fieldType == int.class || fieldType == Integer.class) {
                names.add(name);
            }
            else if (fieldType == Map.class) {
                collectWholeNumberProperties(LucidProperties.Topic.class, name + ".*.", names);
            }
            else if (fieldType.getEnclosingClass() == LucidProperties.class) {
                collectWholeNumberProperties(fieldType, name + ".", names);
            }
        }
    }

    private static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(
            String yaml) {
        return context -> {
            try {
                new YamlPropertySourceLoader().load("test.yml",
                                new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
                        .forEach(source -> context.getEnvironment().getPropertySources()
                                .addFirst(source));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        };
    }

    @ConfigurationProperties("other")
    static class OtherProperties {

        private int count;

        private String name = "unset";

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @EnableConfigurationProperties(OtherProperties.class)
    static class OtherPropertiesConfiguration {
    }
}
