package io.harbinger.app;

import io.harbinger.core.config.Setting;
import io.harbinger.ingest.http.IngestConfig;
import io.harbinger.pipeline.PipelineConfig;
import io.harbinger.store.load.Feed;
import io.harbinger.store.load.LoaderConfig;
import io.harbinger.store.load.WriteMode;
import io.harbinger.schema.topic.Topics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The options of serve and demo: the names, environment variables and defaults operators rely on (README), read in one pass. */
class ServeOptionsTest {
    private static ServeConfig parse(Map<String, String> environment, String... args) {
        CommandLine cli = Main.commandLine();
        cli.parseArgs(Stream.concat(Stream.of("serve"), Stream.of(args)).toArray(String[]::new));
        return ServeOptions.read(cli.getSubcommands().get("serve").getCommandSpec(), environment);
    }

    @Test
    void everyOption_keepsItsNameEnvironmentVariableAndDefault() {
        Map<String, String> expected = new LinkedHashMap<>(); // flag -> "default | env"
        expected.put("--role", "all | HARBINGER_ROLE");
        expected.put("--port", "8080 | HARBINGER_PORT");
        expected.put("--bind", "127.0.0.1 | HARBINGER_BIND");
        expected.put("--data-dir", "./harbinger-data | HARBINGER_DATA_DIR");
        expected.put("--kafka", " | HARBINGER_KAFKA");
        expected.put("--partitions", "4 | HARBINGER_PARTITIONS");
        expected.put("--replication-factor", "1 | HARBINGER_REPLICATION_FACTOR");
        expected.put("--stream-threads", "1 | HARBINGER_STREAM_THREADS");
        expected.put("--commit-interval", "500ms | HARBINGER_COMMIT_INTERVAL");
        expected.put("--samples-retention", "7d | HARBINGER_SAMPLES_RETENTION");
        expected.put("--rescore-interval", "1h | HARBINGER_RESCORE_INTERVAL");
        expected.put("--session-timeout", "10s | HARBINGER_SESSION_TIMEOUT");
        expected.put("--postgres", " | HARBINGER_POSTGRES");
        expected.put("--shard-map", " | HARBINGER_SHARD_MAP");
        expected.put("--postgres-user", "postgres | HARBINGER_POSTGRES_USER");
        expected.put("--region", "default | HARBINGER_REGION");
        expected.put("--max-body-bytes", "33554432 | ");
        expected.put("--max-inflight-bytes", "67108864 | ");
        expected.put("--queue-target", "1s | HARBINGER_QUEUE_TARGET");
        expected.put("--late", "1h | ");
        expected.put("--ahead", "10m | ");
        expected.put("--model", " | HARBINGER_MODEL");
        expected.put("--model-check-interval", "10s | ");
        expected.put("--loader-batch-rows", "20000 | HARBINGER_LOADER_BATCH_ROWS");
        expected.put("--loader-batch-latency", "200ms | HARBINGER_LOADER_BATCH_LATENCY");
        expected.put("--loader-poll-records", "16 | HARBINGER_LOADER_POLL_RECORDS");
        expected.put("--loader-backoff-initial", "100ms | HARBINGER_LOADER_BACKOFF_INITIAL");
        expected.put("--loader-backoff-max", "30s | HARBINGER_LOADER_BACKOFF_MAX");
        expected.put("--loader-lag-interval", "5s | HARBINGER_LOADER_LAG_INTERVAL");
        expected.put("--loader-copy-format", "binary | HARBINGER_LOADER_COPY_FORMAT");
        expected.put("--loader-write-mode", "optimistic | HARBINGER_LOADER_WRITE_MODE");
        expected.put("--topic-prefix", "harbinger. | HARBINGER_TOPIC_PREFIX");
        expected.put("--application-id", "harbinger-pipeline | HARBINGER_APPLICATION_ID");
        expected.put("--producer-compression", "lz4 | HARBINGER_PRODUCER_COMPRESSION");
        expected.put("--alert-bucket", "bad | HARBINGER_ALERT_BUCKET");
        expected.put("--alert-for", "1 | HARBINGER_ALERT_FOR");
        expected.put("--alert-keep-firing-for", "1h | HARBINGER_ALERT_KEEP_FIRING_FOR");
        expected.put("--alert-group-by", "host | HARBINGER_ALERT_GROUP_BY");
        expected.put("--alert-webhook", " | HARBINGER_ALERT_WEBHOOK");
        expected.put("--alertmanager", " | HARBINGER_ALERTMANAGER");
        expected.put("--alert-external-url", " | HARBINGER_ALERT_EXTERNAL_URL");
        expected.put("--alert-rate", "10 | HARBINGER_ALERT_RATE");
        expected.put("--alert-backoff-initial", "1s | HARBINGER_ALERT_BACKOFF_INITIAL");
        expected.put("--alert-backoff-max", "5m | HARBINGER_ALERT_BACKOFF_MAX");
        expected.put("--alert-timeout", "10s | HARBINGER_ALERT_TIMEOUT");
        expected.put("--alert-breaker-open", "30s | HARBINGER_ALERT_BREAKER_OPEN");
        expected.put("--alert-repeat-interval", "4h | HARBINGER_ALERT_REPEAT_INTERVAL");
        expected.put("--alert-sweep-interval", "10s | HARBINGER_ALERT_SWEEP_INTERVAL");
        expected.put("--read-cache", "on | HARBINGER_READ_CACHE");
        expected.put("--redis", " | HARBINGER_REDIS");
        expected.put("--read-cache-size", "10000 | HARBINGER_READ_CACHE_SIZE");
        expected.put("--read-cache-ttl", "10m | HARBINGER_READ_CACHE_TTL");
        expected.put("--redis-timeout", "50ms | HARBINGER_REDIS_TIMEOUT");
        expected.put("--redis-retry", "1s | HARBINGER_REDIS_RETRY");
        expected.put("--read-cache-refresh-ahead", "off | HARBINGER_READ_CACHE_REFRESH_AHEAD");
        expected.put("--tls-keystore", " | HARBINGER_TLS_KEYSTORE");
        expected.put("--tls-cert", " | HARBINGER_TLS_CERT");
        expected.put("--tls-key", " | HARBINGER_TLS_KEY");
        expected.put("--idle-timeout", "30s | HARBINGER_IDLE_TIMEOUT");
        expected.put("--header-timeout", "10s | HARBINGER_HEADER_TIMEOUT");
        expected.put("--max-header-bytes", "8192 | HARBINGER_MAX_HEADER_BYTES");
        expected.put("--max-connections", "10000 | HARBINGER_MAX_CONNECTIONS");
        expected.put("--min-request-rate", "1024 | HARBINGER_MIN_REQUEST_RATE");
        expected.put("--auth", " | HARBINGER_AUTH");
        expected.put("--auth-cache-ttl", "5s | HARBINGER_AUTH_CACHE_TTL");

        Map<String, String> declared = new LinkedHashMap<>();
        for (Setting<?> s : ServeConfig.SETTINGS.settings()) declared.put(s.flag(), s.defaultText() + " | " + s.env().orElse(""));
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void nothingGiven_isTheDefaultNode() {
        ServeConfig config = parse(Map.of());

        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./harbinger-data"));
        assertThat(config.embeddedKafka()).isTrue();
        assertThat(config.store().bundled()).isTrue();
        assertThat(config.model()).isEmpty();
        assertThat(config.ingest().maxBodyBytes()).isEqualTo(32L << 20);
        assertThat(config.ingest().maxDecodedBytes()).isEqualTo(64L << 20);
        assertThat(config.ingest().liveWindow().behind()).isEqualTo(Duration.ofHours(1));
        assertThat(config.server()).isEqualTo(io.harbinger.api.server.ServerConfig.DEFAULTS);
        assertThat(PipelineConfig.from(config.settings(), "k:9092", Path.of("s"))).isEqualTo(PipelineConfig.defaults("k:9092", Path.of("s")));
        assertThat(LoaderConfig.from(config.settings(), "k:9092", Topics.DEFAULT, Feed.SAMPLES)).isEqualTo(LoaderConfig.defaults("k:9092", Topics.DEFAULT));
    }

    @Test
    void theCommandLine_overridesTheEnvironment_whichOverridesTheDefault() {
        ServeConfig config = parse(Map.of("HARBINGER_STREAM_THREADS", "4", "HARBINGER_PORT", "9000", "HARBINGER_POSTGRES_PASSWORD", "secret",
                        "HARBINGER_KAFKA", " k1:9092,k2:9092 "),
                "--port", "9100", "--replication-factor", "3", "--loader-write-mode", "staged", "--max-inflight-bytes", "1048576");

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.kafkaBootstrap()).contains("k1:9092,k2:9092");
        assertThat(config.store().password()).isEqualTo("secret");
        assertThat(config.ingest().maxInFlightBytes()).isEqualTo(1 << 20);
        assertThat(config.ingest().maxDecodedBytes()).isEqualTo(1 << 20);
        PipelineConfig pipeline = PipelineConfig.from(config.settings(), "k1:9092", Path.of("s"));
        assertThat(pipeline.numStreamThreads()).isEqualTo(4);
        assertThat(pipeline.replicationFactor()).isEqualTo((short) 3);
        assertThat(LoaderConfig.from(config.settings(), "k1:9092", pipeline.topics(), Feed.PREDICTIONS).mode()).isEqualTo(WriteMode.STAGED);
        assertThat(config.settings().get(IngestConfig.REGION)).isEqualTo("default");
        assertThat(parse(Map.of(), "--model", "m.json").model()).isEqualTo(Optional.of(Path.of("m.json")));
    }

    @Test
    void aTlsKeyStoreThatIsNotThere_isRefusedAtStartUp_namingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of("HARBINGER_TLS_KEYSTORE_PASSWORD", "x"), "--tls-keystore", "no-such.p12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--tls-keystore no-such.p12: no such file");
    }
}
