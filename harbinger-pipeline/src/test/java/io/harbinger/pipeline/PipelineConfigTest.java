package io.harbinger.pipeline;

import io.harbinger.core.config.Settings;
import io.harbinger.schema.topic.Topics;
import org.junit.jupiter.api.Test;

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
                "harbinger-pipeline", 1, "lz4", Duration.ofMillis(500), Duration.ofDays(7), Duration.ofHours(1)));
        assertThat(DEFAULTS.topics().samples().name()).isEqualTo("harbinger.samples");
    }

    @Test
    void from_takesEverySettingRead() {
        Settings settings = Settings.read(PipelineConfig.SETTINGS, Map.of("partitions", "24", "replication-factor", "3",
                "stream-threads", "8", "commit-interval", "2s", "samples-retention", "3d", "topic-prefix", "eu.",
                "application-id", "eu-pipeline", "producer-compression", "zstd", "rescore-interval", "0s"), Map.of());

        assertThat(PipelineConfig.from(settings, "k:9092", Path.of("s"))).isEqualTo(new PipelineConfig("k:9092", "eu.", 24, (short) 3,
                Path.of("s"), "eu-pipeline", 8, "zstd", Duration.ofSeconds(2), Duration.ofDays(3), Duration.ZERO));
    }

    @Test
    void settings_nameTheSettingTheValueAndWhatIsValid_allAtOnce() {
        assertThatThrownBy(() -> Settings.read(PipelineConfig.SETTINGS, Map.of("partitions", "0", "replication-factor", "0",
                "stream-threads", "65", "commit-interval", "5ms", "samples-retention", "30s", "topic-prefix", "a/b",
                "application-id", "my app", "producer-compression", "brotli", "rescore-interval", "2d"), Map.of()))
                .hasMessage("--partitions must be 1..10000, got 0; --replication-factor must be at least 1, got 0; "
                        + "--stream-threads must be 1..64, got 65; --commit-interval must be 10ms..1m, got 5ms; "
                        + "--samples-retention must be at least 1m, got 30s; "
                        + "--topic-prefix must be at most 200 ASCII letters, digits, '.', '_' or '-', got 'a/b'; "
                        + "--application-id must be non-empty ASCII letters, digits, '.', '_' or '-', got 'my app'; "
                        + "--producer-compression must be one of none, gzip, snappy, lz4, zstd, got 'brotli'; "
                        + "--rescore-interval must be 0s..1d, got 2d");
    }

    @Test
    void constructor_checksBySameDeclarations() {
        assertThatThrownBy(() -> PipelineConfig.defaults("localhost", Path.of("s")))
                .hasMessage("bootstrapServers must be host:port[,host:port...], got 'localhost'");
        assertThatThrownBy(() -> new PipelineConfig("k:1", "harbinger.", 4, (short) 1, Path.of("s"), "a", 0, "lz4", Duration.ofSeconds(1), Duration.ofDays(1), Duration.ZERO))
                .hasMessage("--stream-threads must be 1..64, got 0");
        assertThatThrownBy(() -> PipelineConfig.defaults("h:1", null)).hasMessageStartingWith("stateDir must be set");
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
