package io.lucidmq.cli;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.GroupDescription;
import io.lucidmq.producer.Producer;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test's own instance handed to a command, as an application that embeds the commands
 * would: every call goes to the instance, except {@link #close()}, which the test does itself.
 */
final class UnclosedInstance implements LucidMQ {

    private final LucidMQ delegate;

    UnclosedInstance(LucidMQ delegate) {
        this.delegate = delegate;
    }

    @Override
    public Path directory() {
        return delegate.directory();
    }

    @Override
    public LucidConfig config() {
        return delegate.config();
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public TopicDescription createTopic(String name, TopicConfig config) {
        return delegate.createTopic(name, config);
    }

    @Override
    public TopicDescription createTopic(String name) {
        return delegate.createTopic(name);
    }

    @Override
    public Optional<TopicDescription> describeTopic(String name) {
        return delegate.describeTopic(name);
    }

    @Override
    public List<String> listTopics() {
        return delegate.listTopics();
    }

    @Override
    public boolean deleteTopic(String name) {
        return delegate.deleteTopic(name);
    }

    @Override
    public Producer producer() {
        return delegate.producer();
    }

    @Override
    public Consumer consumer(ConsumerConfig config) {
        return delegate.consumer(config);
    }

    @Override
    public List<String> listGroups() {
        return delegate.listGroups();
    }

    @Override
    public Optional<GroupDescription> describeGroup(String groupId) {
        return delegate.describeGroup(groupId);
    }

    @Override
    public void resetGroupOffsets(String groupId, Map<TopicPartition, Long> offsets) {
        delegate.resetGroupOffsets(groupId, offsets);
    }

    @Override
    public void deleteGroupOffsets(String groupId, Collection<String> topics) {
        delegate.deleteGroupOffsets(groupId, topics);
    }

    @Override
    public int enforceRetention() {
        return delegate.enforceRetention();
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        // The test that created the instance closes it.
    }
}
