package io.lucidmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.OffsetResetPolicy;
import io.lucidmq.spring.actuate.LucidHealthIndicator;
import io.lucidmq.spring.annotation.LucidListenerAnnotationBeanPostProcessor;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.RecordMessageConverter;
import io.lucidmq.spring.listener.AckMode;
import io.lucidmq.spring.listener.ConcurrentLucidListenerContainerFactory;
import io.lucidmq.spring.listener.ContainerProperties;
import io.lucidmq.spring.listener.DeadLetterPublishingRecoverer;
import io.lucidmq.spring.listener.DefaultErrorHandler;
import io.lucidmq.spring.listener.ErrorOutcome;
import io.lucidmq.spring.listener.LoggingRecoverer;
import io.lucidmq.spring.listener.LucidErrorHandler;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import io.lucidmq.spring.listener.RecordListener;
import io.lucidmq.spring.metrics.LucidMeterBinder;
import io.lucidmq.topic.TopicConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

class LucidAutoConfigurationTests {

    /** The listener of probe containers, which are never started. */
    private static final RecordListener NOOP = (record, acknowledgment) -> { };

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class,
                        LucidListenerAutoConfiguration.class,
                        LucidMetricsAutoConfiguration.class,
                        LucidHealthAutoConfiguration.class))
                .withPropertyValues("lucidmq.directory=" + directory.resolve("data"));
    }

    @Test
    void autoConfigurationCreatesEveryBean() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(LucidMQ.class);
            assertThat(context).hasSingleBean(LucidConfig.class);
            assertThat(context).hasSingleBean(LucidTemplate.class);
            assertThat(context).hasSingleBean(RecordMessageConverter.class);
            assertThat(context).hasSingleBean(LucidErrorHandler.class);
            assertThat(context).hasSingleBean(LucidListenerEndpointRegistry.class);
            assertThat(context).hasBean(LucidListenerAnnotationBeanPostProcessor.BEAN_NAME);
            assertThat(context).hasBean(ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME);
            assertThat(context).hasBean("lucidmqHealthIndicator");
            assertThat(context.getBean(LucidMQ.class).directory())
                    .isEqualTo(directory.resolve("data").toAbsolutePath());
        });
    }

    @Test
    void disabledPropertyTurnsEverythingOff() {
        runner().withPropertyValues("lucidmq.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(LucidMQ.class);
            assertThat(context).doesNotHaveBean(LucidTemplate.class);
            assertThat(context).doesNotHaveBean(LucidListenerEndpointRegistry.class);
            assertThat(context).doesNotHaveBean(LucidHealthIndicator.class);
        });
    }

    @Test
    void userBeansWin() {
        runner().withUserConfiguration(UserBeans.class)
                .withPropertyValues("user.directory=" + directory.resolve("user"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LucidMQ.class).directory())
                            .isEqualTo(directory.resolve("user").toAbsolutePath());
                    assertThat(context.getBean(LucidTemplate.class).getDefaultTopic())
                            .isEqualTo("user-topic");
                    assertThat(context.getBean(LucidErrorHandler.class))
                            .isSameAs(context.getBean("userErrorHandler"));
                    assertThat(context.getBean(
                            ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME))
                            .isSameAs(context.getBean(UserBeans.class).factory);
                });
    }

    @Test
    void customizersAdjustConfigTemplateAndFactory() {
        runner().withUserConfiguration(Customizers.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LucidConfig.class).durability())
                    .isEqualTo(DurabilityPolicy.OS);
            assertThat(context.getBean(LucidTemplate.class).getDefaultTopic())
                    .isEqualTo("customized");
            ConcurrentLucidListenerContainerFactory factory = context.getBean(
                    ConcurrentLucidListenerContainerFactory.class);
            assertThat(factory.createContainer("probe", List.of("t"), NOOP)
                    .getContainerProperties().concurrency()).isEqualTo(4);
        });
    }

    @Test
    void propertiesBindToAllSettings() {
        runner().withPropertyValues(
                "lucidmq.durability=interval",
                "lucidmq.force-interval=250ms",
                "lucidmq.segment-size=2MB",
                "lucidmq.max-record-size=64KB",
                "lucidmq.retention-bytes=1GB",
                "lucidmq.retention=2h",
                "lucidmq.auto-create-topics=false",
                "lucidmq.default-partitions=3",
                "lucidmq.external-poll-interval=50ms",
                "lucidmq.retention-check-interval=30s",
                "lucidmq.max-open-segment-files=64",
                "lucidmq.background-segment-work=false",
                "lucidmq.template.default-topic=orders",
                "lucidmq.listener.concurrency=2",
                "lucidmq.listener.poll-timeout=300ms",
                "lucidmq.listener.max-poll-records=50",
                "lucidmq.listener.ack-mode=record",
                "lucidmq.listener.offset-reset=latest",
                "lucidmq.listener.retry.max-attempts=5",
                "lucidmq.listener.retry.interval=10ms",
                "lucidmq.listener.retry.multiplier=2",
                "lucidmq.listener.retry.max-interval=1s").run(context -> {
                    assertThat(context).hasNotFailed();
                    LucidConfig config = context.getBean(LucidConfig.class);
                    assertThat(config.durability()).isEqualTo(DurabilityPolicy.INTERVAL);
                    assertThat(config.forceInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(config.autoCreateTopics()).isFalse();
                    assertThat(config.externalPollInterval()).isEqualTo(Duration.ofMillis(50));
                    assertThat(config.retentionCheckInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(config.maxOpenSegmentFiles()).isEqualTo(64);
                    assertThat(config.backgroundSegmentWork()).isFalse();
                    assertThat(config.defaultTopicConfig()).isEqualTo(new TopicConfig(3,
                            2 * 1024 * 1024, 64 * 1024, 1024L * 1024 * 1024,
                            Duration.ofHours(2).toMillis(), null));
                    assertThat(context.getBean(LucidTemplate.class).getDefaultTopic())
                            .isEqualTo("orders");
                    ContainerProperties properties = context
                            .getBean(ConcurrentLucidListenerContainerFactory.class)
                            .createContainer("probe", List.of("t"), NOOP)
                            .getContainerProperties();
                    assertThat(properties.concurrency()).isEqualTo(2);
                    assertThat(properties.pollTimeout()).isEqualTo(Duration.ofMillis(300));
                    assertThat(properties.maxPollRecords()).isEqualTo(50);
                    assertThat(properties.ackMode()).isEqualTo(AckMode.RECORD);
                    assertThat(properties.offsetReset()).isEqualTo(OffsetResetPolicy.LATEST);
                    DefaultErrorHandler handler = (DefaultErrorHandler) context
                            .getBean(LucidErrorHandler.class);
                    assertThat(handler.getBackOff()).isInstanceOf(ExponentialBackOff.class);
                    ExponentialBackOff backOff = (ExponentialBackOff) handler.getBackOff();
                    assertThat(backOff.getInitialInterval()).isEqualTo(10);
                    assertThat(backOff.getMultiplier()).isEqualTo(2.0);
                    assertThat(backOff.getMaxInterval()).isEqualTo(1000);
                    assertThat(backOff.getMaxAttempts()).isEqualTo(4);
                });
    }

    @Test
    void defaultsEqualCoreDefaults() {
        LucidProperties properties = new LucidProperties();
        LucidConfig core = LucidConfig.builder(directory).build();
        LucidConfig mapped = LucidConfigMapper.toBuilder(properties).build();

        assertThat(properties.getSegmentSize().toBytes())
                .isEqualTo(TopicConfig.DEFAULT_SEGMENT_BYTES);
        assertThat(properties.getMaxRecordSize().toBytes())
                .isEqualTo(TopicConfig.DEFAULT_MAX_RECORD_BYTES);
        assertThat(properties.getRetentionBytes()).isNull();
        assertThat(TopicConfig.DEFAULT_RETENTION_BYTES).isEqualTo(PropertyChecks.NO_LIMIT);
        assertThat(properties.getRetention().toMillis())
                .isEqualTo(TopicConfig.DEFAULT_RETENTION_MS);
        assertThat(properties.getDefaultPartitions()).isEqualTo(TopicConfig.DEFAULT_PARTITIONS);
        assertThat(properties.getForceInterval()).isEqualTo(LucidConfig.DEFAULT_FORCE_INTERVAL);
        assertThat(properties.getExternalPollInterval())
                .isEqualTo(LucidConfig.DEFAULT_EXTERNAL_POLL_INTERVAL);
        assertThat(properties.getRetentionCheckInterval())
                .isEqualTo(LucidConfig.DEFAULT_RETENTION_CHECK_INTERVAL);
        assertThat(properties.getMaxOpenSegmentFiles()).isNull();
        assertThat(mapped.maxOpenSegmentFiles()).isEqualTo(core.maxOpenSegmentFiles());
        assertThat(properties.getDurability()).isEqualTo(core.durability());
        assertThat(properties.isAutoCreateTopics()).isEqualTo(core.autoCreateTopics());
        assertThat(mapped.defaultTopicConfig()).isEqualTo(TopicConfig.defaults());
        assertThat(mapped.defaultTopicConfig()).isEqualTo(core.defaultTopicConfig());

        ConsumerConfig consumer = ConsumerConfig.group("g").topics("t").build();
        LucidProperties.Listener listener = properties.getListener();
        assertThat(listener.getMaxPollRecords()).isEqualTo(consumer.maxPollRecords());
        assertThat(listener.getOffsetReset()).isEqualTo(consumer.offsetReset());
        assertThat(listener.getConcurrency()).isEqualTo(ContainerProperties.DEFAULT_CONCURRENCY);
        assertThat(listener.getPollTimeout()).isEqualTo(ContainerProperties.DEFAULT_POLL_TIMEOUT);
        assertThat(listener.getRetry().getMaxAttempts() - 1)
                .isEqualTo(DefaultErrorHandler.DEFAULT_RETRIES);
        assertThat(listener.getRetry().getInterval().toMillis())
                .isEqualTo(DefaultErrorHandler.DEFAULT_INTERVAL_MS);
        assertThat(listener.getDeadLetter().getSuffix())
                .isEqualTo(DeadLetterPublishingRecoverer.DEFAULT_SUFFIX);
        assertThat(ListenerPropertiesMapper.backOff(listener.getRetry()))
                .isInstanceOf(FixedBackOff.class);
    }

    @Test
    void configuredTopicsCreatedAtStartup() {
        runner().withPropertyValues("lucidmq.topics.orders.partitions=4",
                "lucidmq.topics.orders.durability=os",
                "lucidmq.topics.audit.retention=-1").run(context -> {
                    assertThat(context).hasNotFailed();
                    LucidMQ lucidMQ = context.getBean(LucidMQ.class);
                    TopicConfig orders = lucidMQ.describeTopic("orders").orElseThrow().config();
                    assertThat(orders.partitions()).isEqualTo(4);
                    assertThat(orders.durability()).isEqualTo(DurabilityPolicy.OS);
                    assertThat(lucidMQ.describeTopic("audit").orElseThrow().config().retentionMs())
                            .isEqualTo(-1);
                });
    }

    @Test
    void topicMismatchFailsStartupClearly() {
        runner().withPropertyValues("lucidmq.topics.orders.partitions=2")
                .run(context -> assertThat(context).hasNotFailed());
        runner().withPropertyValues("lucidmq.topics.orders.partitions=3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(TopicMismatchException.class)
                    .hasMessageContaining("Topic 'orders'")
                    .hasMessageContaining("partitions=2")
                    .hasMessageContaining("partitions=3");
        });
    }

    @Test
    void deadLetterPropertySelectsRecoverer() {
        runner().withPropertyValues("lucidmq.listener.dead-letter.enabled=true").run(context -> {
            DefaultErrorHandler handler =
                    (DefaultErrorHandler) context.getBean(LucidErrorHandler.class);
            assertThat(handler.getRecoverer()).isInstanceOf(DeadLetterPublishingRecoverer.class);
        });
        runner().run(context -> {
            DefaultErrorHandler handler =
                    (DefaultErrorHandler) context.getBean(LucidErrorHandler.class);
            assertThat(handler.getRecoverer()).isInstanceOf(LoggingRecoverer.class);
        });
    }

    @Test
    void meterBinderNeedsMeterRegistry() {
        runner().run(context -> assertThat(context).doesNotHaveBean(LucidMeterBinder.class));
        runner().withBean(SimpleMeterRegistry.class)
                .run(context -> assertThat(context).hasSingleBean(LucidMeterBinder.class));
    }

    @Test
    void healthIndicatorNeedsSpringBootHealth() {
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(LucidMQ.class);
            assertThat(context).doesNotHaveBean("lucidmqHealthIndicator");
        });
    }

    @Test
    void healthIndicatorCanBeDisabled() {
        runner().withPropertyValues("management.health.lucidmq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(LucidHealthIndicator.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        private final LucidMQ lucidMQ;
        final ConcurrentLucidListenerContainerFactory factory;

        UserBeans(Environment environment) {
            this.lucidMQ = LucidMQ.open(Path.of(environment.getRequiredProperty("user.directory")));
            this.factory = new ConcurrentLucidListenerContainerFactory(lucidMQ);
        }

        @Bean(destroyMethod = "close")
        LucidMQ userLucidMQ() {
            return lucidMQ;
        }

        @Bean
        LucidTemplate userTemplate() {
            LucidTemplate template = new LucidTemplate(lucidMQ.producer(),
                    new RecordMessageConverter());
            template.setDefaultTopic("user-topic");
            return template;
        }

        @Bean
        LucidErrorHandler userErrorHandler() {
            return delivery -> ErrorOutcome.RECOVERED;
        }

        @Bean(name = ConcurrentLucidListenerContainerFactory.DEFAULT_BEAN_NAME)
        ConcurrentLucidListenerContainerFactory userFactory() {
            return factory;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        LucidConfigCustomizer durabilityCustomizer() {
            return builder -> builder.durability(DurabilityPolicy.OS);
        }

        @Bean
        LucidTemplateCustomizer defaultTopicCustomizer() {
            return template -> template.setDefaultTopic("customized");
        }

        @Bean
        LucidContainerFactoryCustomizer concurrencyCustomizer() {
            return factory -> factory.setConcurrency(4);
        }
    }
}
