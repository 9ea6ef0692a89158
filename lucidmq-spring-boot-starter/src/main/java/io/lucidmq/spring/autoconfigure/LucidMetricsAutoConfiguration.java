package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidMQ;
import io.lucidmq.spring.metrics.LucidMeterBinder;
import io.lucidmq.spring.metrics.TemplateMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures LucidMQ meters when a {@link MeterRegistry} bean exists: the template and
 * listener timers and counters through customizers, and the directory gauges through a
 * {@link LucidMeterBinder}, which Spring Boot binds to every registry.
 */
@AutoConfiguration(after = {LucidAutoConfiguration.class, LucidListenerAutoConfiguration.class},
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure."
                    + "CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple."
                    + "SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, LucidMQ.class})
public final class LucidMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LucidMeterBinder lucidMeterBinder(LucidMQ lucidMQ, LucidProperties properties) {
        return new LucidMeterBinder(lucidMQ, PropertyChecks.positive(
                "lucidmq.metrics.refresh-interval", properties.getMetrics().getRefreshInterval()));
    }

    @Bean
    LucidTemplateCustomizer lucidTemplateMetricsCustomizer(MeterRegistry meterRegistry) {
        return template -> template.setMetrics(TemplateMetrics.of(meterRegistry));
    }

    @Bean
    LucidContainerFactoryCustomizer lucidContainerFactoryMetricsCustomizer(
            MeterRegistry meterRegistry) {
        return factory -> factory.setMeterRegistry(meterRegistry);
    }
}
