package io.lucidmq.spring.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The listener containers of the application, by listener id, and their lifecycle.
 *
 * <p>As a {@link SmartLifecycle} in the containers' late phase, the registry starts every
 * container whose auto-startup is on when the context starts, and stops all of them when it
 * closes, in parallel, before any singleton is destroyed: the LucidMQ instance closes only
 * after every container has committed and exited (or after the context's shutdown-phase
 * timeout, when a listener does not return). Containers registered while the registry runs
 * start at once when their auto-startup is on.
 *
 * <p>Thread-safe.
 */
public class LucidListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

    /** The bean name of the registry. */
    public static final String BEAN_NAME = "lucidListenerEndpointRegistry";

    private static final Logger logger =
            LoggerFactory.getLogger(LucidListenerEndpointRegistry.class);

    private final Map<String, LucidListenerContainer> containers = new LinkedHashMap<>();
    private boolean running;

    /**
     * Creates a container for {@code endpoint} with {@code factory} and registers it.
     *
     * @throws IllegalStateException if a container with the same id is registered
     */
    public LucidListenerContainer registerListenerContainer(LucidListenerEndpoint endpoint,
            LucidListenerContainerFactory factory) {
        return registerListenerContainer(factory.createListenerContainer(endpoint));
    }

    /**
     * Registers {@code container}, starting it when the registry runs and its auto-startup
     * is on.
     *
     * @throws IllegalStateException if a container with the same id is registered
     */
    public LucidListenerContainer registerListenerContainer(LucidListenerContainer container) {
        boolean start;
        synchronized (containers) {
            String id = container.getListenerId();
            if (containers.containsKey(id)) {
                throw new IllegalStateException("a listener container with id '" + id
                        + "' is already registered; give each @LucidListener a unique id");
            }
            containers.put(id, container);
            start = running && container.isAutoStartup();
        }
        if (start) {
            container.start();
        }
        return container;
    }

    /** Returns the container with {@code id}, or {@code null}. */
    public @Nullable LucidListenerContainer getListenerContainer(String id) {
        synchronized (containers) {
            return containers.get(id);
        }
    }

    /** Returns every registered container, in registration order. */
    public Collection<LucidListenerContainer> getListenerContainers() {
        synchronized (containers) {
            return List.copyOf(containers.values());
        }
    }

    /** Returns the ids of the registered containers, in registration order. */
    public Set<String> getListenerContainerIds() {
        synchronized (containers) {
            return Set.copyOf(containers.keySet());
        }
    }

    /** Starts the container with {@code id}. */
    public void start(String id) {
        requireContainer(id).start();
    }

    /** Stops the container with {@code id} and waits for its threads. */
    public void stop(String id) {
        requireContainer(id).stop();
    }

    /** Pauses the container with {@code id}. */
    public void pause(String id) {
        requireContainer(id).pause();
    }

    /** Resumes the container with {@code id}. */
    public void resume(String id) {
        requireContainer(id).resume();
    }

    @Override
    public void start() {
        List<LucidListenerContainer> toStart = new ArrayList<>();
        synchronized (containers) {
            running = true;
            containers.values().stream().filter(LucidListenerContainer::isAutoStartup)
                    .forEach(toStart::add);
        }
        toStart.forEach(LucidListenerContainer::start);
    }

    @Override
    public void stop() {
        getListenerContainers().forEach(LucidListenerContainer::stop);
        synchronized (containers) {
            running = false;
        }
    }

    @Override
    public void stop(Runnable callback) {
        List<LucidListenerContainer> all;
        synchronized (containers) {
            running = false;
            all = List.copyOf(containers.values());
        }
        if (all.isEmpty()) {
            callback.run();
            return;
        }
        AtomicInteger remaining = new AtomicInteger(all.size());
        Runnable countDown = () -> {
            if (remaining.decrementAndGet() == 0) {
                callback.run();
            }
        };
        for (LucidListenerContainer container : all) {
            try {
                container.stop(countDown);
            } catch (RuntimeException ex) {
                logger.error("[{}] Stopping the container failed", container.getListenerId(),
                        ex);
                countDown.run();
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (containers) {
            return running;
        }
    }

    @Override
    public int getPhase() {
        return ConcurrentLucidListenerContainer.DEFAULT_PHASE;
    }

    /** Stops containers still running, for contexts closed without a lifecycle stop. */
    @Override
    public void destroy() {
        getListenerContainers().stream().filter(LucidListenerContainer::isRunning)
                .forEach(LucidListenerContainer::stop);
    }

    private LucidListenerContainer requireContainer(String id) {
        LucidListenerContainer container = getListenerContainer(id);
        if (container == null) {
            throw new IllegalArgumentException("no listener container with id '" + id
                    + "'; registered ids: " + getListenerContainerIds());
        }
        return container;
    }
}
