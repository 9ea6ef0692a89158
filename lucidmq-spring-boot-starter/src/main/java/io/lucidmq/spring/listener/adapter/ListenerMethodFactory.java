package io.lucidmq.spring.listener.adapter;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

/**
 * Builds the spring-messaging {@link MessageHandlerMethodFactory} for listener methods: the
 * standard header, headers, message and payload resolvers, plus resolvers for
 * {@code Acknowledgment} and {@code ConsumerRecord} parameters, and a conversion service that
 * reads {@code byte[]} headers as UTF-8.
 */
public final class ListenerMethodFactory {

    private ListenerMethodFactory() {
    }

    /**
     * Creates a factory.
     *
     * @param payloadConverter converts record values to payload parameters
     * @param beanFactory resolves placeholders in annotation defaults, or {@code null}
     */
    public static MessageHandlerMethodFactory create(MessageConverter payloadConverter,
            @Nullable BeanFactory beanFactory) {
        DefaultFormattingConversionService conversionService =
                new DefaultFormattingConversionService();
        conversionService.addConverter(new Utf8BytesConverter(conversionService));
        DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
        factory.setMessageConverter(payloadConverter);
        factory.setConversionService(conversionService);
        factory.setCustomArgumentResolvers(List.of(new AcknowledgmentArgumentResolver(),
                new ConsumerRecordArgumentResolver()));
        if (beanFactory != null) {
            factory.setBeanFactory(beanFactory);
        }
        factory.afterPropertiesSet();
        return factory;
    }
}
