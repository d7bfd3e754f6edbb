package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import io.harbinger.schema.TestPoints;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.core.point.PointSink.WriteOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.harbinger.schema.TestPoints.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With the broker gone, a write fails within the configured bound instead of hanging the caller. */
class SinkBrokerDownIT {
    private static final Map<String, Object> TIGHT = Map.of("max.block.ms", 1_000, "request.timeout.ms", 1_500, "delivery.timeout.ms", 2_500);

    @TempDir
    Path dir;

    @Test
    void writeWhileTheBrokerIsDown_failsRetriably_withinTheDeliveryTimeout() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicAdmin(new Topics("down.")).ensure(admin, 1, (short) 1);
        }
        try (KafkaPointSink sink = KafkaPointSink.create(kafka.bootstrapServers(), "down.samples", TIGHT, registry)) {
            sink.write(TestPoints.request("eu", "a", T0), WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);
            kafka.close();

            long start = System.nanoTime();
            CompletableFuture<Void> stage = sink.write(TestPoints.request("eu", "a", T0 + 1), WriteOptions.NONE).toCompletableFuture();

            assertThatThrownBy(() -> stage.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isTrue());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_500 + 2_000);
            assertThat(registry.get("harbinger.kafka.producer.errors").tag("kind", "retriable").counter().count()).isEqualTo(1.0);
        } finally {
            kafka.close();
        }
    }

    @Test
    void writeToABrokerThatNeverAnswered_failsWithinMaxBlock_withoutHoldingTheCaller() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaPointSink sink = KafkaPointSink.create("127.0.0.1:1", "nowhere.samples", TIGHT, registry)) {
            long start = System.nanoTime();
            CompletableFuture<Void> stage = sink.write(List.of(TestPoints.host("eu", "a", T0)), WriteOptions.NONE).toCompletableFuture();
            long returnedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThatThrownBy(() -> stage.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(KafkaSinkException.class);
            assertThat(returnedAfterMillis).isLessThan(1_000 + 1_000);
        }
    }
}
