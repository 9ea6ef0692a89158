package io.lucidmq.spring.annotation;

import io.lucidmq.spring.core.RecordMessageConverter;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import io.lucidmq.spring.listener.adapter.ListenerMethodFactory;
import io.lucidmq.spring.listener.adapter.MethodLucidListenerEndpoint;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds {@link LucidListener} methods on every bean and registers a listener container for
 * each annotation in the {@link LucidListenerEndpointRegistry}.
 *
 * <p>Annotated methods found while the context starts are registered once every singleton
 * exists, so that container factories, error handlers and converters are ready; methods of
 * beans created later are registered at once. A bad attribute or a method that cannot be
 * bound fails the startup with a {@link BeanInitializationException} naming the bean and the
 * method. Declare it from a {@code static} {@code @Bean} method.
 */
public class LucidListenerAnnotationBeanPostProcessor
        implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

    /** The bean name of the post-processor. */
    public static final String BEAN_NAME =
            "io.lucidmq.spring.annotation.internalLucidListenerAnnotationProcessor";

    private static final Logger logger =
            LoggerFactory.getLogger(LucidListenerAnnotationBeanPostProcessor.class);

    private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();
    private final List<ListenerEndpointReader.AnnotatedListener> pending = new ArrayList<>();
    private @Nullable ConfigurableListableBeanFactory beanFactory;
    private @Nullable ListenerEndpointReader reader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (!(beanFactory instanceof ConfigurableListableBeanFactory configurable)) {
            throw new IllegalArgumentException("@LucidListener processing needs a "
                    + "ConfigurableListableBeanFactory, but got " + beanFactory.getClass());
        }
        this.beanFactory = configurable;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName)
            throws BeansException {
        Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
        if (classesWithoutListeners.contains(targetClass)) {
            return bean;
        }
        Map<Method, Set<LucidListener>> annotated = MethodIntrospector.selectMethods(
                targetClass, (MethodIntrospector.MetadataLookup<Set<LucidListener>>) method -> {
                    Set<LucidListener> found = AnnotatedElementUtils
                            .findMergedRepeatableAnnotations(method, LucidListener.class,
                                    LucidListeners.class);
                    return found.isEmpty() ? null : found;
                });
        if (annotated.isEmpty()) {
            classesWithoutListeners.add(targetClass);
            return bean;
        }
        annotated.forEach((method, annotations) -> {
            int index = 0;
            for (LucidListener annotation : annotations) {
                add(new ListenerEndpointReader.AnnotatedListener(bean, beanName, method,
                        annotation, index++));
            }
        });
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<ListenerEndpointReader.AnnotatedListener> toRegister;
        synchronized (pending) {
            reader = createReader();
            toRegister = List.copyOf(pending);
            pending.clear();
        }
        toRegister.forEach(this::register);
    }

    private void add(ListenerEndpointReader.AnnotatedListener listener) {
        synchronized (pending) {
            if (reader == null) {
                pending.add(listener);
                return;
            }
        }
        register(listener);
    }

    private void register(ListenerEndpointReader.AnnotatedListener listener) {
        ListenerEndpointReader currentReader = requireReader();
        try {
            MethodLucidListenerEndpoint endpoint = currentReader.read(listener);
            requireBeanFactory()
                    .getBean(LucidListenerEndpointRegistry.BEAN_NAME,
                            LucidListenerEndpointRegistry.class)
                    .registerListenerContainer(endpoint,
                            currentReader.resolveContainerFactory(listener.annotation()));
            logger.debug("[{}] Registered {}", endpoint.getId(), listener.describe());
        } catch (RuntimeException ex) {
            throw new BeanInitializationException("Invalid " + listener.describe() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private ListenerEndpointReader createReader() {
        ConfigurableListableBeanFactory factory = requireBeanFactory();
        RecordMessageConverter converter = factory.getBeanProvider(RecordMessageConverter.class)
                .getIfAvailable(RecordMessageConverter::new);
        return new ListenerEndpointReader(factory,
                ListenerMethodFactory.create(converter.payloadConverter(), factory), converter);
    }

    private ListenerEndpointReader requireReader() {
        synchronized (pending) {
            if (reader == null) {
                throw new IllegalStateException("listeners are registered only after every "
                        + "singleton is instantiated");
            }
            return reader;
        }
    }

    private ConfigurableListableBeanFactory requireBeanFactory() {
        if (beanFactory == null) {
            throw new IllegalStateException("no bean factory set");
        }
        return beanFactory;
    }
}
