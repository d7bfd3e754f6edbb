package io.harbinger.app;

import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Alerting;
import io.harbinger.auth.Access;
import io.harbinger.app.Roles.Role;
import io.harbinger.api.ApiPorts;
import io.harbinger.api.HttpApi;
import io.harbinger.api.server.HttpListener;
import io.harbinger.api.port.Readiness;
import io.harbinger.cache.CacheConfig;
import io.harbinger.cache.ReadCache;
import io.harbinger.schema.alert.AlertBook;
import io.harbinger.schema.cache.Invalidation;
import io.harbinger.store.load.CommitListener;
import io.harbinger.ingest.http.IngestRoutes;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.StoredRows;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.pipeline.Pipeline;
import io.harbinger.pipeline.PipelineConfig;
import io.harbinger.store.load.Feed;
import io.harbinger.store.load.StoreLoader;
import io.harbinger.store.load.LoaderConfig;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One running Harbinger node, with the parts its roles ask for ({@link Roles}; {@code all} by default):
 * (embedded Kafka broker, with {@code all} only) -> storage (process, api, alert) -> Kafka Streams
 * processor and the loaders into PostgreSQL (process) -> read cache (api; a process node without api only
 * publishes its loaders' commits to it) -> alerting (alert) -> durable producer and ingest endpoints
 * (ingest) -> HTTP server (every node: {@code /health}, {@code /ready} with its roles' checks, {@code /metrics}).
 * Started in that order and closed in reverse: stop taking requests, drain the admitted ones to their
 * Kafka ack, stop HTTP, close the producer, the processor, the broker.
 */
public final class Harbinger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Harbinger.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Roles roles;
    private final Javalin http;
    private final String bootstrapServers;
    private Optional<IngestRoutes> ingest = Optional.empty();
    private Optional<Pipeline> pipeline = Optional.empty();
    private Optional<Storage> storage = Optional.empty();
    private Optional<ReadCache> cache = Optional.empty();
    private Optional<ModelReloader> models = Optional.empty();

    private Harbinger(ServeConfig config, Clock clock) throws IOException {
        Files.createDirectories(config.dataDir());
        roles = config.roles();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics(registry);
        try {
            if (roles.runs(Role.PROCESS) || roles.runs(Role.API)) { // a bad model file fails before anything starts
                ModelReloader reloader = own(ModelReloader.start(config.model(), config.modelCheckInterval(), registry));
                models = Optional.of(reloader);
                LOG.info("failure model {} ({})", reloader.holder().version(), config.model().map(Path::toString).orElse("bundled"));
            }
            bootstrapServers = config.kafkaBootstrap().orElseGet(() -> startBroker(config));
            PipelineConfig pipelineConfig = PipelineConfig.from(config.settings(), bootstrapServers, config.dataDir().resolve("streams"));
            if (roles.needsStorage()) storage = Optional.of(own(Storage.start(config.store(), config.dataDir(), clock)));
            List<Readiness> checks = new ArrayList<>();
            List<StoreLoader> loaders = new ArrayList<>();
            if (roles.runs(Role.PROCESS)) {
                Pipeline p = own(Pipeline.start(pipelineConfig, registry, models.orElseThrow().holder()));
                pipeline = Optional.of(p);
                checks.add(new Readiness("processor", p::ready));
            } else {
                Pipeline.ensureTopics(pipelineConfig);
            }
            if (roles.runs(Role.API) || roles.runs(Role.PROCESS)) {
                CacheConfig cacheConfig = CacheConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics());
                cache = Optional.of(own(ReadCache.start(roles.runs(Role.API) ? cacheConfig : cacheConfig.publishingOnly(),
                        storage.orElseThrow().reads(), registry, clock)));
            }
            if (roles.runs(Role.PROCESS)) {
                ReadCache publisher = cache.orElseThrow();
                CommitListener invalidate = (feed, keys) -> publisher.committed(feed == Feed.PREDICTIONS ? Invalidation.Source.PREDICTIONS : Invalidation.Source.SAMPLES, keys);
                Storage store = storage.orElseThrow();
                for (Feed feed : List.of(Feed.SAMPLES, Feed.PREDICTIONS)) {
                    loaders.add(own(StoreLoader.start(LoaderConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics(), feed).withConsumerProps(pipelineConfig.membership()), store.routing(),
                            shard -> store.partitionsByShard().get(shard.name()), registry, invalidate)));
                }
            }
            if (roles.needsStorage()) {
                FleetReads reads = storage.orElseThrow().reads();
                checks.add(new Readiness("storage", () -> reads.healthy() && loaders.stream().allMatch(StoreLoader::isRunning)));
            }
            // the alerting state lives in the control database: the bundled PostgreSQL, or the first shard's primary (docs/adr/0009-alerting.md)
            Optional<AlertBook> alerts = Optional.empty();
            if (roles.runs(Role.ALERT)) {
                Alerting alerting = own(Alerting.start(AlertConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics()).withConsumerProps(pipelineConfig.membership()), controlDatabase(), clock));
                alerting.bindTo(registry);
                alerts = Optional.of(alerting.book());
                checks.add(new Readiness("alerting", alerting::isRunning));
            } else if (roles.runs(Role.API)) {
                alerts = Optional.of(Alerting.book(controlDatabase(), clock));
            }
            http = HttpApi.server(roles.runs(Role.API), javalin -> HttpListener.configure(javalin, config.bindAddress(), config.port(), config.server()));
            Access.install(http, config.auth(), () -> controlDatabase(config), java.util.Set.copyOf(IngestRoutes.PATHS), roles.runs(Role.API), clock);
            if (roles.runs(Role.INGEST)) {
                KafkaPointSink kafkaSink = own(KafkaPointSink.create(pipelineConfig, registry));
                IngestRoutes routes = IngestRoutes.register(http, config.ingest(), kafkaSink, clock, registry);
                ingest = Optional.of(routes);
                checks.addFirst(new Readiness("ingest", routes::accepting));
            }
            HttpApi.mount(http, ports(checks, registry, clock, pipelineConfig, alerts));
            http.start();
            LOG.info("Harbinger ({}) listening on {}://{}:{} (Kafka {}{}{})", roles, config.server().scheme(), config.bindAddress(), http.port(), bootstrapServers,
                    config.embeddedKafka() ? ", embedded" : "", config.server().tls().map(t -> "; certificate " + t.subject()).orElse(""));
        } catch (RuntimeException | Error e) {
            closeResources();
            throw e;
        }
    }

    /** What the routes of this node read: the ports of the parts it runs. */
    private ApiPorts ports(List<Readiness> checks, PrometheusMeterRegistry registry, Clock clock, PipelineConfig pipelineConfig, Optional<AlertBook> alerts) {
        ApiPorts ports = ApiPorts.operations(checks, registry::scrape, clock);
        if (pipeline.isPresent()) ports = ports.withProcessor(pipeline.get());
        if (models.isPresent()) ports = ports.withModel(models.get());
        if (roles.runs(Role.API)) {
            ports = ports.withFleet(cache.orElseThrow().reads());
            if (alerts.isPresent()) ports = ports.withAlerts(alerts.get());
            if (pipeline.isPresent() && ingest.isPresent()) { // the system strip tells this node's own ingest and processing
                Pipeline p = pipeline.get();
                ports = ports.withSystem(new MeterSystemStatus(registry, clock, pipelineConfig.topics().samples().name(), () -> p.totals().points()));
            }
        }
        return ports;
    }

    private javax.sql.DataSource controlDatabase() {
        return storage.orElseThrow().routing().shards().getFirst().primary();
    }

    /** The control database: the storage's, or for a node without storage (ingest) a small pool of its own to it. */
    private javax.sql.DataSource controlDatabase(ServeConfig config) {
        return storage.isPresent() ? controlDatabase() : own(ControlDatabase.open(config.store())).pool();
    }

    public static Harbinger start(ServeConfig config, Clock clock) throws IOException {
        return new Harbinger(config, clock);
    }

    public int port() {
        return http.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What this node runs. */
    Roles roles() {
        return roles;
    }

    /** The storage side: for tests and tools that read what was stored. */
    public javax.sql.DataSource primaryFor(String region) {
        return storage().routing().shardFor(region).primary();
    }

    /** Rows stored in PostgreSQL per table, over all shards. */
    public StoredRows storedRows() {
        return storage().reads().storedRows();
    }

    /** The bundled PostgreSQL's JDBC URL for {@code database}; empty when the node uses an external one (for tests that give other nodes a database of their own). */
    public Optional<String> bundledPostgresUrl(String database) {
        return storage().bundledUrl(database);
    }

    /** The failure model in force. */
    public String modelVersion() {
        return part(models, "failure model").holder().version();
    }

    public Pipeline pipeline() {
        return part(pipeline, "stream processor");
    }

    /** What the read API reads the fleet through (the cache in front of storage). */
    public FleetReads fleet() {
        return cache().reads();
    }

    /** The read cache (for tests and tools). */
    public ReadCache cache() {
        return part(cache, "read cache");
    }

    private Storage storage() {
        return part(storage, "storage");
    }

    private <T> T part(Optional<T> part, String what) {
        return part.orElseThrow(() -> new IllegalStateException("this node (--role " + roles + ") runs no " + what));
    }

    private String startBroker(ServeConfig config) {
        EmbeddedKafka broker = own(EmbeddedKafka.start(config.dataDir().resolve("kafka")));
        return broker.bootstrapServers();
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        try {
            if (ingest.isPresent() && !ingest.get().drain(DRAIN_TIMEOUT)) LOG.warn("ingest requests still open after {}; stopping anyway", DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop();
        closeResources();
        LOG.info("Harbinger stopped");
    }

    private void closeResources() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }
}
