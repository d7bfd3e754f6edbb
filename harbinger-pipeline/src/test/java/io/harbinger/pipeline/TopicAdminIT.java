package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import io.harbinger.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

@ExtendWith(SharedKafka.class)
class TopicAdminIT {

    @Test
    void ensure_isIdempotent_andCreatesEveryTopicWithTheRequestedPartitions(EmbeddedKafka kafka) throws Exception {
        Topics topics = new Topics("topics-" + UUID.randomUUID() + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicAdmin(topics).ensure(admin, 3, (short) 1);
            assertThatNoException().isThrownBy(() -> new TopicAdmin(topics).ensure(admin, 3, (short) 1));

            var described = admin.describeTopics(topics.names()).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(described.keySet()).containsExactlyInAnyOrder(topics.samples().name(), topics.predictions().name(), topics.cacheInvalidations().name());
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void applyRetention_setsTheSamplesTopicsRetention_andCanChangeIt(EmbeddedKafka kafka) throws Exception {
        Topics topics = new Topics("retention-" + UUID.randomUUID() + ".");
        ConfigResource samples = new ConfigResource(ConfigResource.Type.TOPIC, topics.samples().name());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicAdmin(topics).ensure(admin, 1, (short) 1);
            new TopicAdmin(topics).applyRetention(admin, Duration.ofHours(6));
            awaitRetention(admin, samples, "21600000");
            new TopicAdmin(topics).applyRetention(admin, Duration.ofDays(2));
            awaitRetention(admin, samples, "172800000");
        }
    }

    /**
     * The alter is acknowledged once the controller has it; a broker answering describeConfigs may apply the
     * metadata record a moment later, so the new value is awaited (not read once).
     */
    private static void awaitRetention(Admin admin, ConfigResource topic, String expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(retentionMs(admin, topic)).isEqualTo(expected));
    }

    private static String retentionMs(Admin admin, ConfigResource topic) throws Exception {
        return admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic).get("retention.ms").value();
    }
}
