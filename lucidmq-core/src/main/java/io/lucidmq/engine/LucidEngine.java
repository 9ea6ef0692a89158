package io.lucidmq.engine;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerContext;
import io.lucidmq.consumer.GroupAdmin;
import io.lucidmq.consumer.GroupCoordinator;
import io.lucidmq.consumer.GroupDescription;
import io.lucidmq.consumer.LucidConsumer;
import io.lucidmq.consumer.OffsetCommitter;
import io.lucidmq.consumer.OffsetStore;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.log.SegmentFileCache;
import io.lucidmq.log.SegmentWorkers;
import io.lucidmq.producer.LucidProducer;
import io.lucidmq.producer.Partitioner;
import io.lucidmq.producer.Producer;
import io.lucidmq.producer.RecordAppender;
import io.lucidmq.producer.SyncFlusher;
import io.lucidmq.retention.RetentionService;
import io.lucidmq.topic.Names;
import io.lucidmq.topic.Topic;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import io.lucidmq.topic.TopicRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The implementation of {@link LucidMQ}: one open directory with its topics, consumer groups,
 * producers, consumers and background threads.
 *
 * <p>A writable instance holds the {@link DirectoryLock} and runs named daemon threads: the
 * retention runs ({@code lucidmq-retention-*}), the forces of
 * {@link DurabilityPolicy#INTERVAL} topics ({@code lucidmq-interval-flusher-*}), the forces
 * that complete asynchronous {@code SYNC} sends ({@code lucidmq-sync-flusher-*}) and the
 * offset commits ({@code lucidmq-offset-committer-*}). A read-only instance runs only
 * {@code lucidmq-refresh-*}, which picks up another process's writes every
 * {@link LucidConfig#externalPollInterval()}.
 *
 * <p>Thread-safe. {@link #close()} waits for running operations, closes consumers and
 * producers, stops the threads (completing queued sends and commits), closes every partition
 * log and releases the lock; a failure in one step is logged and the others still run.
 */
public final class LucidEngine implements LucidMQ {

    private static final Logger logger = LoggerFactory.getLogger(LucidEngine.class);

    private final LucidConfig config;
    private final DirectoryLayout layout;
    private final DirectoryLock lock;
    private final EngineLifecycle lifecycle;
    private final ChangeSignal signal = new ChangeSignal();
    private final SegmentFileCache fileCache;
    private final SegmentWorkers segmentWorkers;
    private final TopicRegistry topics;
    private final OffsetStore offsets;
    private final GroupCoordinator groups;
    private final GroupAdmin groupAdmin;
    private final RetentionService retention;
    private final Set<LucidProducer> producers = ConcurrentHashMap.newKeySet();
    private final Set<LucidConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> backgroundTasks = new ArrayList<>();
    private OffsetCommitter committer;
    private SyncFlusher syncFlusher;
    private RecordAppender appender;

    private LucidEngine(LucidConfig config, DirectoryLayout layout, DirectoryLock lock) {
        this.config = config;
        this.layout = layout;
        this.lock = lock;
        this.lifecycle = new EngineLifecycle(layout.root());
        this.fileCache = new SegmentFileCache(config.maxOpenSegmentFiles());
        this.segmentWorkers = config.readOnly() || !config.backgroundSegmentWork() ? null
                : new SegmentWorkers(new NamedThreadFactory("segment-preparer"),
                        new NamedThreadFactory("next-segment-preparer"),
                        new NamedThreadFactory("segment-sealer"));
        this.topics = new TopicRegistry(layout, config, fileCache, segmentWorkers);
        this.offsets = new OffsetStore(layout, config.fileIO(), config.readOnly(),
                topic -> topics.topic(topic).isPresent());
        this.groups = new GroupCoordinator(this::partitionCount, signal);
        this.groupAdmin = new GroupAdmin(topics, offsets, groups);
        this.retention = new RetentionService(topics, config.clock(), lifecycle, signal);
    }

    /** Opens the directory of {@code config}; see {@link LucidMQ#open(LucidConfig)}. */
    public static LucidMQ open(LucidConfig config) {
        Objects.requireNonNull(config, "config");
        long startNanos = System.nanoTime();
        DirectoryLayout layout = new DirectoryLayout(config.directory());
        DirectoryLock lock = prepareDirectory(layout, config);
        LucidEngine engine = new LucidEngine(config, layout, lock);
        try {
            engine.topics.loadAll();
            engine.offsets.loadAll();
            engine.startBackgroundTasks();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        engine.logOpened(startNanos);
        return engine;
    }

    @Override
    public Path directory() {
        return layout.root();
    }

    @Override
    public LucidConfig config() {
        return config;
    }

    @Override
    public boolean isReadOnly() {
        return config.readOnly();
    }

    @Override
    public TopicDescription createTopic(String name, TopicConfig topicConfig) {
        Names.requireValidTopic(name);
        Objects.requireNonNull(topicConfig, "config");
        requireWritable("create topic " + name);
        return lifecycle.call(() -> topics.create(name, topicConfig).describe());
    }

    @Override
    public TopicDescription createTopic(String name) {
        return createTopic(name, config.defaultTopicConfig());
    }

    @Override
    public Optional<TopicDescription> describeTopic(String name) {
        Names.requireValidTopic(name);
        return lifecycle.call(() -> topics.topic(name).map(Topic::describe));
    }

    @Override
    public List<String> listTopics() {
        return lifecycle.call(topics::names);
    }

    @Override
    public boolean deleteTopic(String name) {
        Names.requireValidTopic(name);
        requireWritable("delete topic " + name);
        boolean existed = lifecycle.call(() -> {
            if (!topics.delete(name)) {
                return false;
            }
            offsets.dropTopic(name);
            return true;
        });
        signal.publish();
        return existed;
    }

    @Override
    public Producer producer() {
        requireWritable("create a producer");
        lifecycle.ensureOpen();
        LucidProducer producer = new LucidProducer(appender, this::flush, producers::remove);
        producers.add(producer);
        // A close that ran between the check above and the add did not see this producer.
        if (lifecycle.isClosed()) {
            producer.markClosed();
            lifecycle.ensureOpen();
        }
        return producer;
    }

    @Override
    public Consumer consumer(ConsumerConfig consumerConfig) {
        Objects.requireNonNull(consumerConfig, "config");
        lifecycle.ensureOpen();
        consumerConfig.groupId().ifPresent(offsets::requireReadable);
        ConsumerContext context = new ConsumerContext(topics, offsets, committer, groups,
                signal, lifecycle, consumers::remove);
        LucidConsumer consumer = LucidConsumer.create(consumerConfig, context);
        consumers.add(consumer);
        // A close that ran between the check above and the add did not see this consumer.
        if (lifecycle.isClosed()) {
            consumer.closeByInstance();
            lifecycle.ensureOpen();
        }
        return consumer;
    }

    @Override
    public List<String> listGroups() {
        return lifecycle.call(groupAdmin::listGroups);
    }

    @Override
    public Optional<GroupDescription> describeGroup(String groupId) {
        return lifecycle.call(() -> groupAdmin.describe(groupId));
    }

    @Override
    public void resetGroupOffsets(String groupId, Map<TopicPartition, Long> newOffsets) {
        requireWritable("reset the offsets of group " + groupId);
        lifecycle.run(() -> groupAdmin.reset(groupId, newOffsets));
    }

    @Override
    public void deleteGroupOffsets(String groupId, Collection<String> topicNames) {
        requireWritable("delete the offsets of group " + groupId);
        lifecycle.run(() -> groupAdmin.delete(groupId, topicNames));
    }

    @Override
    public int enforceRetention() {
        requireWritable("enforce retention");
        return retention.enforce();
    }

    @Override
    public void flush() {
        lifecycle.run(() -> {
            if (!config.readOnly()) {
                topics.all().forEach(LucidEngine::flushLogs);
            }
        });
        signal.publish();
    }

    @Override
    public void close() {
        if (!lifecycle.markClosed()) {
            return;
        }
        // A pending interrupt would close the channels of the clean close's writes and
        // forces, so it waits until the close is done.
        boolean interrupted = Thread.interrupted();
        try {
            closeResources();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeResources() {
        signal.publish();
        closeStep("consumers", () -> List.copyOf(consumers).forEach(
                LucidConsumer::closeByInstance));
        closeStep("producers", () -> List.copyOf(producers).forEach(LucidProducer::markClosed));
        for (AutoCloseable task : backgroundTasks) {
            closeStep("background task", task::close);
        }
        if (syncFlusher != null) {
            closeStep("sync flusher", syncFlusher::close);
        }
        if (committer != null) {
            closeStep("offset committer", committer::close);
        }
        closeStep("partition logs", topics::closeAll);
        if (segmentWorkers != null) {
            closeStep("segment workers", segmentWorkers::close);
        }
        closeStep("segment file cache", fileCache::close);
        if (lock != null) {
            closeStep("directory lock", lock::close);
        }
        logger.info("Closed LucidMQ directory {}", layout.root());
    }

    @Override
    public String toString() {
        return "LucidEngine{" + layout.root() + (config.readOnly() ? ", read-only}" : "}");
    }

    private static DirectoryLock prepareDirectory(DirectoryLayout layout, LucidConfig config) {
        Path root = layout.root();
        if (config.readOnly()) {
            if (!Files.isDirectory(root)) {
                throw new LucidStorageException("cannot open " + root + " read-only: it is not "
                        + "an existing directory; open it for writing first");
            }
            return null;
        }
        FileTrees.createDirectories(config.fileIO(), root);
        DirectoryLock lock = DirectoryLock.acquire(root, config.fileIO());
        try {
            FileTrees.createDirectories(config.fileIO(), layout.topicsDirectory());
            FileTrees.createDirectories(config.fileIO(), layout.groupsDirectory());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    private void startBackgroundTasks() {
        if (config.readOnly()) {
            backgroundTasks.add(new PeriodicTask("refresh", config.externalPollInterval(),
                    lifecycle::isClosed, this::refreshFromDisk));
        } else {
            committer = new OffsetCommitter(offsets);
            syncFlusher = new SyncFlusher(signal);
            backgroundTasks.add(new PeriodicTask("retention", config.retentionCheckInterval(),
                    lifecycle::isClosed, retention::enforce));
            backgroundTasks.add(new PeriodicTask("interval-flusher", config.forceInterval(),
                    lifecycle::isClosed, this::flushIntervalTopics));
        }
        appender = new RecordAppender(topics, new Partitioner(), signal, syncFlusher,
                lifecycle, config.clock());
    }

    private void refreshFromDisk() {
        lifecycle.run(() -> {
            if (topics.refresh()) {
                signal.publish();
            }
        });
    }

    private void flushIntervalTopics() {
        lifecycle.run(() -> {
            for (Topic topic : topics.all()) {
                if (topic.durability() == DurabilityPolicy.INTERVAL) {
                    flushLogs(topic);
                }
            }
        });
    }

    private static void flushLogs(Topic topic) {
        for (PartitionLog log : topic.logs()) {
            long end = log.endOffset();
            if (log.flushedOffset() < end) {
                log.flushUpTo(end);
            }
        }
    }

    private int partitionCount(String topic) {
        return topics.topic(topic).map(Topic::partitionCount).orElse(0);
    }

    private void requireWritable(String operation) {
        if (config.readOnly()) {
            throw new IllegalStateException("cannot " + operation + " in " + layout.root()
                    + ": the instance is read-only");
        }
    }

    private void closeStep(String step, ThrowingRunnable action) {
        try {
            action.run();
        } catch (Exception e) {
            logger.error("Failed to close the {} of LucidMQ directory {}", step, layout.root(),
                    e);
        }
    }

    private void logOpened(long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        int partitions = topics.all().stream().mapToInt(Topic::partitionCount).sum();
        if (lock == null) {
            logger.info("Opened LucidMQ directory {} read-only in {} ms: {} topics, {} "
                    + "partitions", layout.root(), millis, topics.names().size(), partitions);
            return;
        }
        String previous = lock.previousWriterClosedCleanly()
                .map(clean -> "the previous writer (pid " + lock.previousWriterPid() + ") "
                        + (clean ? "closed cleanly"
                                : "did not close cleanly, so partitions were recovered"))
                .orElse("no previous writer");
        logger.info("Opened LucidMQ directory {} for writing in {} ms: {} topics, {} "
                + "partitions, {} consumer groups; {}", layout.root(), millis,
                topics.names().size(), partitions, offsets.groupIds().size(), previous);
    }

    /** A close step that may throw a checked exception. */
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
