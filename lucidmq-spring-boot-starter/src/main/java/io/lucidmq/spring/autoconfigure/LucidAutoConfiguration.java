package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.RecordMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configures a {@link LucidMQ} instance on {@code lucidmq.directory}, the topics of
 * {@code lucidmq.topics}, the {@link RecordMessageConverter} and a {@link LucidTemplate}.
 * Active when the core is on the class path, unless {@code lucidmq.enabled=false}; each bean
 * backs off for a user bean of its type.
 */
@AutoConfiguration
@ConditionalOnClass(LucidMQ.class)
@ConditionalOnBooleanProperty(name = "lucidmq.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LucidProperties.class)
public final class LucidAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(LucidAutoConfiguration.class);

    /**
     * Adds the checks of {@link LucidPropertiesBindHandler} to the binding of
     * {@link LucidProperties}. Spring Boot applies the advisor to every configuration
     * properties bean, and the handler leaves the others alone.
     */
    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor lucidPropertiesBindHandlerAdvisor() {
        return LucidPropertiesBindHandler::new;
    }

    @Bean
    @ConditionalOnMissingBean
    LucidConfig lucidConfig(LucidProperties properties,
            ObjectProvider<LucidConfigCustomizer> customizers) {
        LucidConfig.Builder builder = LucidConfigMapper.toBuilder(properties);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    LucidMQ lucidMQ(LucidConfig config) {
        logger.info("Opening LucidMQ directory {}", config.directory());
        LucidMQ lucidMQ = LucidMQ.open(config);
        logger.info("Opened LucidMQ directory {} with topics {}", lucidMQ.directory(),
                lucidMQ.listTopics());
        return lucidMQ;
    }

    @Bean
    @ConditionalOnMissingBean
    LucidTopicProvisioner lucidTopicProvisioner(LucidMQ lucidMQ, LucidProperties properties) {
        return new LucidTopicProvisioner(lucidMQ, TopicConfigMapper.topics(properties,
                lucidMQ.config().defaultTopicConfig()));
    }

    @Bean
    @ConditionalOnMissingBean
    RecordMessageConverter lucidRecordMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return new RecordMessageConverter(jsonMapper.getIfAvailable(
                () -> JsonMapper.builder().findAndAddModules().build()));
    }

    @Bean
    @ConditionalOnMissingBean
    LucidTemplate lucidTemplate(LucidMQ lucidMQ, RecordMessageConverter converter,
            LucidProperties properties, ObjectProvider<LucidTemplateCustomizer> customizers) {
        LucidTemplate template = new LucidTemplate(lucidMQ.producer(), converter);
        template.setDefaultTopic(properties.getTemplate().getDefaultTopic());
        customizers.orderedStream().forEach(customizer -> customizer.customize(template));
        return template;
    }
}
