package io.harbinger.app;

import io.harbinger.core.admit.TimeWindow;
import io.harbinger.ingest.http.IngestConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The options of a running node, shared by {@code serve} and {@code demo}. Environment variables give defaults. */
final class ServeOptions {
    @Option(names = "--port", defaultValue = "${env:HARBINGER_PORT:-8080}", description = "HTTP port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "${env:HARBINGER_BIND:-127.0.0.1}", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String bind;

    @Option(names = "--data-dir", defaultValue = "${env:HARBINGER_DATA_DIR:-./harbinger-data}", description = "Where the embedded broker and the processor keep their data. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--kafka", defaultValue = "${env:HARBINGER_KAFKA:-}", description = "External Kafka bootstrap servers host:port,...; none = run the embedded broker.")
    String kafka;

    @Option(names = "--partitions", defaultValue = "${env:HARBINGER_PARTITIONS:-4}", description = "Partitions of the samples topic when it is created. Default: ${DEFAULT-VALUE}")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "${env:HARBINGER_REPLICATION_FACTOR:-1}", description = "Replication factor of topics created on an external cluster. Default: ${DEFAULT-VALUE}")
    short replicationFactor;

    @Option(names = "--stream-threads", defaultValue = "${env:HARBINGER_STREAM_THREADS:-1}", description = "Kafka Streams threads. Default: ${DEFAULT-VALUE}")
    int streamThreads;

    @Option(names = "--commit-interval", defaultValue = "${env:HARBINGER_COMMIT_INTERVAL:-500ms}", converter = DurationConverter.class,
            description = "How often the processor commits its exactly-once transaction. Default: ${DEFAULT-VALUE}")
    Duration commitInterval;

    @Option(names = "--samples-retention", defaultValue = "${env:HARBINGER_SAMPLES_RETENTION:-7d}", converter = DurationConverter.class,
            description = "How long Kafka keeps ingested samples (the buffer before processing and storage). Default: ${DEFAULT-VALUE}")
    Duration samplesRetention;

    @Option(names = "--postgres", defaultValue = "${env:HARBINGER_POSTGRES:-}",
            description = "External PostgreSQL primary jdbc:postgresql://host:port/db; none = run the bundled PostgreSQL under --data-dir. Password from HARBINGER_POSTGRES_PASSWORD.")
    String postgres;

    @Option(names = "--shard-map", defaultValue = "${env:HARBINGER_SHARD_MAP:-}",
            description = "Shard map file: regions spread over several PostgreSQL primaries with read replicas (docs/operations-sharding.md).")
    String shardMap;

    @Option(names = "--postgres-user", defaultValue = "${env:HARBINGER_POSTGRES_USER:-postgres}", description = "PostgreSQL user. Default: ${DEFAULT-VALUE}")
    String postgresUser;

    @Option(names = "--region", defaultValue = "${env:HARBINGER_REGION:-default}", description = "Region of points that carry none. Default: ${DEFAULT-VALUE}")
    String region;

    @Option(names = "--max-body-bytes", defaultValue = "33554432", description = "Largest request body; larger gets 413. Default: ${DEFAULT-VALUE}")
    long maxBodyBytes;

    @Option(names = "--max-inflight-bytes", defaultValue = "67108864", description = "Decoded bytes in flight over all requests; beyond it 429. Default: ${DEFAULT-VALUE}")
    long maxInFlightBytes;

    @Option(names = "--late", defaultValue = "1h", converter = DurationConverter.class, description = "How far behind the server clock live samples may be. Default: ${DEFAULT-VALUE}")
    Duration late;

    @Option(names = "--ahead", defaultValue = "10m", converter = DurationConverter.class, description = "How far ahead of the server clock samples may be. Default: ${DEFAULT-VALUE}")
    Duration ahead;

    @Option(names = "--model", defaultValue = "${env:HARBINGER_MODEL:-}",
            description = "Failure model file (from harbinger train), re-read whenever it changes (hot reload); none = the model that ships with Harbinger.")
    String model;

    @Option(names = "--model-check-interval", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often the --model file is checked for a new model. Default: ${DEFAULT-VALUE}")
    Duration modelCheckInterval;

    ServeConfig toConfig() {
        long decoded = Math.min(IngestConfig.DEFAULTS.maxDecodedBytes(), maxInFlightBytes);
        IngestConfig ingest = new IngestConfig(maxBodyBytes, decoded, maxInFlightBytes, IngestConfig.DEFAULTS.ackTimeout(),
                region, new TimeWindow(late, ahead), IngestConfig.DEFAULTS.limits(), IngestConfig.DEFAULTS.retryAfterSeconds());
        return new ServeConfig(bind, port, dataDir, Optional.ofNullable(kafka), partitions, replicationFactor, streamThreads, commitInterval, samplesRetention,
                new StoreSettings(Optional.ofNullable(postgres), Optional.ofNullable(shardMap).filter(s -> !s.isBlank()).map(Path::of), postgresUser, Optional.ofNullable(System.getenv("HARBINGER_POSTGRES_PASSWORD")).orElse("")),
                ingest, Optional.ofNullable(model).filter(s -> !s.isBlank()).map(Path::of), modelCheckInterval);
    }
}
