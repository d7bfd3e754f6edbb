package io.harbinger.app;

import io.harbinger.alert.AlertConfig;
import io.harbinger.api.server.ServerConfig;
import io.harbinger.auth.AuthConfig;
import io.harbinger.cache.CacheConfig;
import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;
import io.harbinger.ingest.http.IngestConfig;
import io.harbinger.pipeline.PipelineConfig;
import io.harbinger.store.load.LoaderConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.INTEGER;
import static io.harbinger.core.config.SettingType.TEXT;
import static io.harbinger.core.config.SettingType.optional;

/**
 * Everything {@code harbinger serve} needs, validated once: where to listen, where data lives, which
 * Kafka to use (embedded when none is given), the store, the ingest limits, and the settings of the
 * processor and the loaders (made into their configs once the Kafka bootstrap servers are known), and how the
 * HTTP port listens (TLS, connection limits: {@link ServerConfig}).
 * {@link #SETTINGS} are the options of {@code serve} and {@code demo} ({@link ServeOptions}).
 *
 * @param settings every value of {@link #SETTINGS}
 */
public record ServeConfig(Settings settings, StoreSettings store, IngestConfig ingest, ServerConfig server) {
    static final Setting<Roles> ROLE = Setting.of("role", Roles.TYPE, Roles.ALL).env("HARBINGER_ROLE")
            .description("What this node runs: all, or a comma-separated list of ingest, process, api, alert (every role but all needs --kafka, "
                    + "and every role but ingest an external PostgreSQL).");
    public static final Setting<Integer> PORT = Setting.of("port", INTEGER, 8080)
            .must(Rule.of("0..65535 (0 picks a free port)", (Integer p) -> p >= 0 && p <= 65535))
            .env("HARBINGER_PORT").description("HTTP port (0 = any free port).");
    public static final Setting<String> BIND = Setting.of("bind", TEXT, "127.0.0.1").must(Rule.nonBlank())
            .env("HARBINGER_BIND").description("Address to listen on.");
    public static final Setting<Path> DATA_DIR = Setting.of("data-dir", SettingTypes.PATH, Path.of("./harbinger-data"))
            .env("HARBINGER_DATA_DIR").description("Where the embedded broker and the processor keep their data.");
    public static final Setting<Optional<String>> KAFKA = Setting.of("kafka", optional(TEXT), Optional.<String>empty())
            .must(Rule.whenGiven(PipelineConfig.BOOTSTRAP_SERVERS))
            .env("HARBINGER_KAFKA").description("External Kafka bootstrap servers host:port,...; none = run the embedded broker.");
    public static final Setting<Optional<Path>> MODEL = Setting.of("model", SettingTypes.OPTIONAL_PATH, Optional.<Path>empty())
            .env("HARBINGER_MODEL")
            .description("Failure model file (from harbinger train), re-read whenever it changes (hot reload); none = the model that ships with Harbinger.");
    public static final Setting<Duration> MODEL_CHECK_INTERVAL = Setting.of("model-check-interval", DURATION, Duration.ofSeconds(10))
            .must(Rule.atLeast(Duration.ofMillis(100))).description("How often the --model file is checked for a new model.");

    /** The node's own settings and those of its components. */
    public static final SettingSet SETTINGS = SettingSet.of(ROLE, PORT, BIND, DATA_DIR, KAFKA, MODEL, MODEL_CHECK_INTERVAL)
            .and(StoreSettings.SETTINGS).and(IngestConfig.SETTINGS).and(PipelineConfig.SETTINGS).and(LoaderConfig.SETTINGS).and(AlertConfig.SETTINGS)
            .and(CacheConfig.SETTINGS).and(AuthConfig.SETTINGS)
            .and(ServerConfig.SETTINGS)
            .check(ServeConfig::replicasNeedACluster).check(ServeConfig::rolesNeedACluster)
            .check(s -> AuthConfig.problem(BIND.flag(), s.get(BIND), s.get(AuthConfig.AUTH))).check(ServeConfig::keysNeedTheirDatabase);

    public ServeConfig {
        if (settings == null || store == null || ingest == null || server == null) {
            throw new IllegalArgumentException("settings, store, ingest and server must be non-null");
        }
    }

    /** The node of {@code settings} (read against {@link #SETTINGS}), without a keystore password. */
    public static ServeConfig from(Settings settings, String postgresPassword) {
        return from(settings, postgresPassword, "");
    }

    /**
     * The node of {@code settings} (read against {@link #SETTINGS}); the PostgreSQL and keystore passwords come from the environment only.
     *
     * @throws IllegalArgumentException naming the TLS setting whose certificate or key cannot be used
     */
    public static ServeConfig from(Settings settings, String postgresPassword, String keystorePassword) {
        return new ServeConfig(settings, StoreSettings.from(settings, postgresPassword), IngestConfig.from(settings), ServerConfig.from(settings, keystorePassword));
    }

    public String bindAddress() {
        return settings.get(BIND);
    }

    public int port() {
        return settings.get(PORT);
    }

    public Path dataDir() {
        return settings.get(DATA_DIR);
    }

    /** External Kafka bootstrap servers; empty to run the embedded broker under {@link #dataDir()}. */
    public Optional<String> kafkaBootstrap() {
        return settings.get(KAFKA);
    }

    public boolean embeddedKafka() {
        return kafkaBootstrap().isEmpty();
    }

    /** Failure model file, watched for changes; empty for the bundled model. */
    public Optional<Path> model() {
        return settings.get(MODEL);
    }

    /** The parts of Harbinger this node runs. */
    Roles roles() {
        return settings.get(ROLE);
    }

    /** Whether requests need API keys, and how long a node trusts what the key store said. */
    public AuthConfig auth() {
        return AuthConfig.from(settings);
    }

    public Duration modelCheckInterval() {
        return settings.get(MODEL_CHECK_INTERVAL);
    }

    private static Optional<String> replicasNeedACluster(Settings s) {
        short replicas = s.get(PipelineConfig.REPLICATION_FACTOR);
        return s.get(KAFKA).isEmpty() && replicas != 1
                ? Optional.of(PipelineConfig.REPLICATION_FACTOR.flag() + " " + replicas + " needs an external Kafka (--kafka); the embedded broker is a single node")
                : Optional.empty();
    }

    /** The keys live in the control database: a node that checks them must reach it, an ingest node too. */
    private static Optional<String> keysNeedTheirDatabase(Settings s) {
        boolean keys = s.get(AuthConfig.AUTH).filter(m -> m == AuthConfig.Mode.KEYS).isPresent();
        boolean external = s.get(StoreSettings.POSTGRES).isPresent() || s.get(StoreSettings.SHARD_MAP).isPresent();
        return keys && !s.get(ROLE).all() && !external
                ? Optional.of(AuthConfig.AUTH.flag() + " keys on " + ROLE.flag() + " " + s.get(ROLE) + " needs the PostgreSQL that holds the keys (--postgres or --shard-map)")
                : Optional.empty();
    }

    /** A node that runs less than everything is one of a cluster: it cannot share an embedded broker or a bundled PostgreSQL with the others. */
    private static Optional<String> rolesNeedACluster(Settings s) {
        Roles roles = s.get(ROLE);
        if (roles.all()) return Optional.empty();
        if (s.get(KAFKA).isEmpty()) {
            return Optional.of(ROLE.flag() + " " + roles + " needs an external Kafka (--kafka): the embedded broker runs only with --role all");
        }
        if (roles.needsStorage() && s.get(StoreSettings.POSTGRES).isEmpty() && s.get(StoreSettings.SHARD_MAP).isEmpty()) {
            return Optional.of(ROLE.flag() + " " + roles + " needs an external PostgreSQL (--postgres or --shard-map): the bundled one runs only with --role all");
        }
        return Optional.empty();
    }
}
