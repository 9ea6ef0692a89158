package io.lucidmq.spring.actuate;

import io.lucidmq.LucidMQ;
import io.lucidmq.spring.listener.ContainerState;
import io.lucidmq.spring.listener.LucidListenerContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.unit.DataSize;

/**
 * Reports the health of the LucidMQ directory and the listener containers.
 *
 * <p>UP with the details {@code directory}, {@code writable}, {@code freeSpace} and
 * {@code minFreeSpace} (bytes), {@code topics} (names) and {@code containers} (per listener
 * id: state, group, topics, concurrency and a failure message when one died). DOWN, with a
 * {@code problems} list, when the directory is missing or not writable, when its file store
 * has less usable space than the minimum, or when a container is
 * {@link ContainerState#FAILED}. Thread-safe.
 */
public class LucidHealthIndicator extends AbstractHealthIndicator {

    private final LucidMQ lucidMQ;
    private final DataSize minFreeSpace;
    private final Supplier<Collection<LucidListenerContainer>> containers;

    /**
     * Creates the indicator.
     *
     * @param containers supplies the containers to report, for example from the registry
     */
    public LucidHealthIndicator(LucidMQ lucidMQ, DataSize minFreeSpace,
            Supplier<Collection<LucidListenerContainer>> containers) {
        super("LucidMQ health check failed");
        this.lucidMQ = Objects.requireNonNull(lucidMQ, "lucidMQ");
        this.minFreeSpace = Objects.requireNonNull(minFreeSpace, "minFreeSpace");
        this.containers = Objects.requireNonNull(containers, "containers");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        Path directory = lucidMQ.directory();
        List<String> problems = new ArrayList<>();
        boolean writable = isWritableDirectory(directory);
        if (!writable) {
            problems.add("directory " + directory + " is missing or not writable");
        }
        long freeSpace = writable ? Files.getFileStore(directory).getUsableSpace() : 0;
        if (writable && freeSpace < minFreeSpace.toBytes()) {
            problems.add("free space " + freeSpace + "B is below "
                    + "lucidmq.health.min-free-space " + minFreeSpace.toBytes() + "B");
        }
        Map<String, Object> containerDetails = new LinkedHashMap<>();
        for (LucidListenerContainer container : containers.get()) {
            containerDetails.put(container.getListenerId(), describe(container));
            if (container.getState() == ContainerState.FAILED) {
                problems.add("listener container " + container.getListenerId() + " failed");
            }
        }
        builder.status(problems.isEmpty() ? "UP" : "DOWN")
                .withDetail("directory", directory.toString())
                .withDetail("writable", writable)
                .withDetail("freeSpace", freeSpace)
                .withDetail("minFreeSpace", minFreeSpace.toBytes())
                .withDetail("topics", lucidMQ.listTopics())
                .withDetail("containers", containerDetails);
        if (!problems.isEmpty()) {
            builder.withDetail("problems", problems);
        }
    }

    /** Returns whether {@code path} is an existing directory this process may write. */
    static boolean isWritableDirectory(Path path) {
        return Files.isDirectory(path) && Files.isWritable(path);
    }

    private static Map<String, Object> describe(LucidListenerContainer container) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", container.getState().name());
        details.put("groupId", container.getContainerProperties().groupId());
        details.put("topics", container.getContainerProperties().topics());
        details.put("concurrency", container.getContainerProperties().concurrency());
        container.getFailure().ifPresent(failure -> details.put("failure",
                failure.getClass().getName() + ": " + failure.getMessage()));
        return details;
    }
}
