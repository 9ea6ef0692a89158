package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidMQ;
import io.lucidmq.spring.actuate.LucidHealthIndicator;
import io.lucidmq.spring.listener.LucidListenerContainer;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configures the {@code lucidmq} health indicator when spring-boot-health is on the
 * class path, unless {@code management.health.lucidmq.enabled=false}.
 */
@AutoConfiguration(after = {LucidAutoConfiguration.class, LucidListenerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(LucidMQ.class)
@ConditionalOnEnabledHealthIndicator("lucidmq")
public final class LucidHealthAutoConfiguration {

    /** The bean name; the health contributor is named {@code lucidmq} after it. */
    static final String BEAN_NAME = "lucidmqHealthIndicator";

    @Bean(name = BEAN_NAME)
    @ConditionalOnMissingBean(name = BEAN_NAME)
    LucidHealthIndicator lucidmqHealthIndicator(LucidMQ lucidMQ, LucidProperties properties,
            ObjectProvider<LucidListenerEndpointRegistry> registry) {
        DataSize minFreeSpace = properties.getHealth().getMinFreeSpace();
        if (minFreeSpace.isNegative()) {
            throw new InvalidLucidPropertyException("lucidmq.health.min-free-space",
                    PropertyChecks.formatSize(minFreeSpace.toBytes()),
                    "use a size of zero or more, such as 10MB");
        }
        return new LucidHealthIndicator(lucidMQ, minFreeSpace, () -> containersOf(registry));
    }

    private static Collection<LucidListenerContainer> containersOf(
            ObjectProvider<LucidListenerEndpointRegistry> registry) {
        LucidListenerEndpointRegistry current = registry.getIfAvailable();
        return current == null ? List.of() : current.getListenerContainers();
    }
}
