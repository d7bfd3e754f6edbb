package io.harbinger.app;

import io.harbinger.ingest.http.IngestConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code harbinger serve} needs, validated once: where to listen, where data lives, which
 * Kafka to use (embedded when none is given) and the ingest limits.
 *
 * @param kafkaBootstrap external Kafka bootstrap servers; empty to run the embedded broker under {@code dataDir}
 * @param model          failure model file, watched for changes; empty for the bundled model
 */
public record ServeConfig(String bindAddress, int port, Path dataDir, Optional<String> kafkaBootstrap,
                          int partitions, short replicationFactor, int streamThreads, Duration commitInterval,
                          Duration samplesRetention, StoreSettings store, IngestConfig ingest,
                          Optional<Path> model, Duration modelCheckInterval) {
    public ServeConfig {
        if (bindAddress == null || bindAddress.isBlank()) throw new IllegalArgumentException("--bind must be a host name or address");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535 (0 picks a free port), got " + port);
        if (dataDir == null) throw new IllegalArgumentException("--data-dir must be set");
        if (kafkaBootstrap == null) throw new IllegalArgumentException("kafkaBootstrap must be non-null (empty for embedded)");
        kafkaBootstrap = kafkaBootstrap.map(String::trim).filter(s -> !s.isEmpty());
        kafkaBootstrap.ifPresent(ServeConfig::requireHostPorts);
        if (partitions < 1) throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        if (replicationFactor < 1) throw new IllegalArgumentException("--replication-factor must be >= 1, got " + replicationFactor);
        if (kafkaBootstrap.isEmpty() && replicationFactor != 1) {
            throw new IllegalArgumentException("--replication-factor " + replicationFactor + " needs an external Kafka (--kafka); the embedded broker is a single node");
        }
        if (streamThreads < 1) throw new IllegalArgumentException("--stream-threads must be >= 1, got " + streamThreads);
        if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("--commit-interval must be > 0, got " + commitInterval);
        }
        if (samplesRetention == null || samplesRetention.toMinutes() < 1) {
            throw new IllegalArgumentException("--samples-retention must be at least 1m, got " + samplesRetention);
        }
        if (store == null) throw new IllegalArgumentException("store settings must be non-null");
        if (ingest == null) throw new IllegalArgumentException("ingest config must be non-null");
        if (model == null) throw new IllegalArgumentException("model must be non-null (empty for the bundled model)");
        if (modelCheckInterval == null || modelCheckInterval.toMillis() < 100) {
            throw new IllegalArgumentException("--model-check-interval must be at least 100ms, got " + modelCheckInterval);
        }
    }

    public boolean embeddedKafka() {
        return kafkaBootstrap.isEmpty();
    }

    private static void requireHostPorts(String servers) {
        for (String server : servers.split(",")) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            boolean ok = colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).chars().allMatch(Character::isDigit);
            if (!ok) throw new IllegalArgumentException("--kafka must be host:port[,host:port...], got '" + servers + "' (bad entry '" + s + "')");
        }
    }
}
