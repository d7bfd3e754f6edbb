package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineConfigTest {
    private static final PipelineConfig DEFAULTS = PipelineConfig.defaults("127.0.0.1:9092", Path.of("state"));

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(DEFAULTS).isEqualTo(new PipelineConfig("127.0.0.1:9092", "harbinger.", 4, (short) 1, Path.of("state"),
                "harbinger-pipeline", 1, "lz4", java.time.Duration.ofMillis(500), java.time.Duration.ofDays(7)));
        assertThat(DEFAULTS.topics().samples().name()).isEqualTo("harbinger.samples");
    }

    @Test
    void constructor_namesTheSettingTheValueAndWhatIsValid() {
        assertThatThrownBy(() -> PipelineConfig.defaults("localhost", Path.of("s")))
                .hasMessage("bootstrapServers must be host:port[,host:port...], got 'localhost'");
        assertThatThrownBy(() -> DEFAULTS.withPartitions(0)).hasMessage("partitions must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> DEFAULTS.withReplicationFactor((short) 0)).hasMessage("replicationFactor must be at least 1, got 0");
        assertThatThrownBy(() -> DEFAULTS.withApplicationId("my app"))
                .hasMessage("applicationId must be non-empty ASCII letters, digits, '.', '_' or '-', got 'my app'");
        assertThatThrownBy(() -> DEFAULTS.withNumStreamThreads(0)).hasMessage("numStreamThreads must be between 1 and 64, got 0");
        assertThatThrownBy(() -> DEFAULTS.withProducerCompression("brotli"))
                .hasMessage("producerCompression must be one of none, gzip, snappy, lz4, zstd, got 'brotli'");
        assertThatThrownBy(() -> DEFAULTS.withTopicPrefix("a/b"))
                .hasMessage("topic prefix 'a/b' may contain only ASCII letters, digits, '.', '_' and '-'");
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
        assertThat(new Topics("it-42.").names()).containsExactly("it-42.samples", "it-42.predictions");
    }
}
