package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates and configures the topics of a {@link Topics} on a cluster (the topics and their types are
 * declared in the schema module; this is the Kafka side of them).
 */
public final class TopicAdmin {
    private static final long CREATE_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private final Topics topics;

    public TopicAdmin(Topics topics) {
        this.topics = topics;
    }

    /**
     * Creates every topic that does not exist yet; existing topics are left as they are (a topic
     * created concurrently by another instance is fine). Returns once every partition's leader
     * serves requests: a partition announced in metadata before its leader is ready answers
     * NOT_LEADER_OR_FOLLOWER, and an idempotent producer that gets that for its first batch while
     * later batches succeed then stalls on out-of-order sequence errors until its delivery timeout.
     * Blocks at most about two minutes.
     *
     * @throws IllegalStateException if a topic could not be created, naming it and why
     */
    public void ensure(Admin admin, int partitions, short replicationFactor) {
        List<NewTopic> created = topics.names().stream().map(name -> new NewTopic(name, partitions, replicationFactor)).toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(created).values();
        results.forEach(this::await);
        awaitServingLeaders(admin);
    }

    /**
     * Sets the samples topic's {@code retention.ms} (at every start, so the setting given to Harbinger
     * stays in force; on a shared cluster an operator may prefer to manage it and pass the same value).
     *
     * @throws IllegalStateException if the broker refused the change
     */
    public void applyRetention(Admin admin, Duration retention) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, topics.samples().name());
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry("retention.ms", Long.toString(retention.toMillis())), AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(set))).all().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set retention.ms of " + topics.samples().name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("setting retention.ms of " + topics.samples().name() + " took longer than " + CREATE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting retention.ms of " + topics.samples().name(), e);
        }
    }

    private void awaitServingLeaders(Admin admin) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CREATE_TIMEOUT_SECONDS);
        while (!leadersServe(admin)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topics.names() + " still have no serving leader after " + CREATE_TIMEOUT_SECONDS + " s");
            }
            pause();
        }
    }

    /** Asks every partition's leader itself (DescribeProducers is answered by the leader's replica manager, not from metadata). */
    private boolean leadersServe(Admin admin) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics.names()).allTopicNames().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
            admin.describeProducers(partitions).all().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) return false; // leader not elected or not ready yet
            throw new IllegalStateException("cannot check the leaders of " + topics.names() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("checking the leaders of " + topics.names() + " took longer than " + CREATE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the leaders of " + topics.names(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topic leaders", e);
        }
    }

    private void await(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + topic + " took longer than " + CREATE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
