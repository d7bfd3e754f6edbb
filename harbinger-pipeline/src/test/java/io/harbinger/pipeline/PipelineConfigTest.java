package io.harbinger.pipeline;

import io.harbinger.core.config.Settings;
import io.harbinger.schema.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineConfigTest {
    private static final PipelineConfig DEFAULTS = PipelineConfig.defaults("127.0.0.1:9092", Path.of("state"));

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(DEFAULTS).isEqualTo(new PipelineConfig("127.0.0.1:9092", "harbinger.", 4, (short) 1, Path.of("state"),
                "harbinger-pipeline", 1, "lz4", Duration.ofMillis(500), Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(10)));
        assertThat(DEFAULTS.topics().samples().name()).isEqualTo("harbinger.samples");
    }

    @Test
    void from_takesEverySettingRead() {
        Settings settings = Settings.read(PipelineConfig.SETTINGS, Map.of("partitions", "24", "replication-factor", "3",
                "stream-threads", "8", "commit-interval", "2s", "samples-retention", "3d", "topic-prefix", "eu.",
                "application-id", "eu-pipeline", "producer-compression", "zstd", "rescore-interval", "0s", "session-timeout", "30s"), Map.of());

        assertThat(PipelineConfig.from(settings, "k:9092", Path.of("s"))).isEqualTo(new PipelineConfig("k:9092", "eu.", 24, (short) 3,
                Path.of("s"), "eu-pipeline", 8, "zstd", Duration.ofSeconds(2), Duration.ofDays(3), Duration.ZERO, Duration.ofSeconds(30)));
    }

    @Test
    void settings_nameTheSettingTheValueAndWhatIsValid_allAtOnce() {
        assertThatThrownBy(() -> Settings.read(PipelineConfig.SETTINGS, Map.of("partitions", "0", "replication-factor", "0",
                "stream-threads", "65", "commit-interval", "5ms", "samples-retention", "30s", "topic-prefix", "a/b",
                "application-id", "my app", "producer-compression", "brotli", "rescore-interval", "2d", "session-timeout", "5s"), Map.of()))
                .hasMessage("--partitions must be 1..10000, got 0; --replication-factor must be at least 1, got 0; "
                        + "--stream-threads must be 1..64, got 65; --commit-interval must be 10ms..1m, got 5ms; "
                        + "--samples-retention must be at least 1m, got 30s; "
                        + "--topic-prefix must be at most 200 ASCII letters, digits, '.', '_' or '-', got 'a/b'; "
                        + "--application-id must be non-empty ASCII letters, digits, '.', '_' or '-', got 'my app'; "
                        + "--producer-compression must be one of none, gzip, snappy, lz4, zstd, got 'brotli'; "
                        + "--rescore-interval must be 0s..1d, got 2d; --session-timeout must be 6s..30m, got 5s");
    }

    @Test
    void constructor_checksBySameDeclarations() {
        assertThatThrownBy(() -> PipelineConfig.defaults("localhost", Path.of("s")))
                .hasMessage("bootstrapServers must be host:port[,host:port...], got 'localhost'");
        assertThatThrownBy(() -> new PipelineConfig("k:1", "harbinger.", 4, (short) 1, Path.of("s"), "a", 0, "lz4", Duration.ofSeconds(1), Duration.ofDays(1), Duration.ZERO,
                Duration.ofSeconds(10)))
                .hasMessage("--stream-threads must be 1..64, got 0");
        assertThatThrownBy(() -> PipelineConfig.defaults("h:1", null)).hasMessageStartingWith("stateDir must be set");
    }

    @Test
    void membership_isStaticUnderTheNodesIdentity_withTheSessionTimeout(@TempDir Path dir) {
        PipelineConfig config = PipelineConfig.defaults("k:1", dir.resolve("streams"));

        Map<String, Object> membership = config.membership();

        assertThat(membership.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo(NodeIdentity.of(dir.resolve("streams")))
                .asString().startsWith("harbinger-");
        assertThat(membership).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333);
        assertThat(PipelineConfig.defaults("k:1", dir.resolve("streams")).membership()).as("the same after a restart").isEqualTo(membership);
        assertThat(PipelineConfig.defaults("k:1", dir.resolve("other")).membership().get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                .as("another node").isNotEqualTo(membership.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    }

    @Test
    void bootstrapServers_acceptsSeveralHostsAndIpv4() {
        assertThat(PipelineConfig.defaults("k1:9092,k2.example:19092,10.0.0.1:9093", Path.of("s")).bootstrapServers())
                .isEqualTo("k1:9092,k2.example:19092,10.0.0.1:9093");
    }

    @Test
    void topics_withEmptyPrefix_areBareNames() {
        assertThat(new Topics("").samples().name()).isEqualTo("samples");
        assertThat(new Topics("it-42.").names()).containsExactly("it-42.samples", "it-42.predictions", "it-42.cache-invalidations");
    }
}
