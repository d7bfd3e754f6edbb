package io.harbinger.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

@ExtendWith(SharedKafka.class)
class TopicsIT {

    @Test
    void ensure_isIdempotent_andTopicsHaveTheRequestedPartitions(EmbeddedKafka kafka) throws Exception {
        Topics topics = new Topics("topics-" + UUID.randomUUID() + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            topics.ensure(admin, 3, (short) 1);
            assertThatNoException().isThrownBy(() -> topics.ensure(admin, 3, (short) 1));

            assertThat(admin.describeTopics(topics.all()).allTopicNames().get(10, TimeUnit.SECONDS).get(topics.samples()).partitions()).hasSize(3);
        }
    }
}
