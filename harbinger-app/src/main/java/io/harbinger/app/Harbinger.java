package io.harbinger.app;

import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Alerting;
import io.harbinger.api.ApiPorts;
import io.harbinger.api.HttpApi;
import io.harbinger.api.port.Readiness;
import io.harbinger.cache.CacheConfig;
import io.harbinger.cache.ReadCache;
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
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One running Harbinger node: (embedded Kafka broker) -> storage -> Kafka Streams processor -> loaders
 * into PostgreSQL -> durable producer (ingest's sink) -> HTTP server. Started in that order and closed in reverse: stop taking requests, drain the
 * admitted ones to their Kafka ack, stop HTTP, close the producer, the processor, the broker.
 */
public final class Harbinger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Harbinger.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final IngestRoutes ingest;
    private final Javalin http;
    private final Pipeline pipeline;
    private final Storage storage;
    private final StoreLoader samplesLoader;
    private final StoreLoader predictionsLoader;
    private final ReadCache cache;
    private final Alerting alerting;
    private final ModelReloader models;
    private final String bootstrapServers;

    private Harbinger(ServeConfig config, Clock clock) throws IOException {
        Files.createDirectories(config.dataDir());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics(registry);
        try {
            models = own(ModelReloader.start(config.model(), config.modelCheckInterval(), registry)); // a bad model file fails before anything starts
            LOG.info("failure model {} ({})", models.holder().version(), config.model().map(Path::toString).orElse("bundled"));
            bootstrapServers = config.kafkaBootstrap().orElseGet(() -> startBroker(config));
            storage = own(Storage.start(config.store(), config.dataDir(), clock));
            PipelineConfig pipelineConfig = PipelineConfig.from(config.settings(), bootstrapServers, config.dataDir().resolve("streams"));
            pipeline = own(Pipeline.start(pipelineConfig, registry, models.holder()));
            cache = own(ReadCache.start(CacheConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics()), storage.reads(), registry, clock));
            CommitListener invalidate = (feed, keys) -> cache.committed(feed == Feed.PREDICTIONS ? Invalidation.Source.PREDICTIONS : Invalidation.Source.SAMPLES, keys);
            samplesLoader = own(StoreLoader.start(LoaderConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics(), Feed.SAMPLES), storage.routing(),
                    shard -> storage.partitionsByShard().get(shard.name()), registry, invalidate));
            predictionsLoader = own(StoreLoader.start(LoaderConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics(), Feed.PREDICTIONS), storage.routing(),
                    shard -> storage.partitionsByShard().get(shard.name()), registry, invalidate));
            // the alerting state lives in the control database: the bundled PostgreSQL, or the first shard's primary (docs/adr/0009-alerting.md)
            alerting = own(Alerting.start(AlertConfig.from(config.settings(), bootstrapServers, pipelineConfig.topics()),
                    storage.routing().shards().getFirst().primary(), clock));
            alerting.bindTo(registry);
            KafkaPointSink kafkaSink = own(KafkaPointSink.create(pipelineConfig, registry));
            http = HttpApi.server();
            ingest = IngestRoutes.register(http, config.ingest(), kafkaSink, clock, registry);
            List<StoreLoader> loaders = List.of(samplesLoader, predictionsLoader);
            HttpApi.mount(http, new ApiPorts(pipeline, cache.reads(), models, List.of(
                    new Readiness("ingest", ingest::accepting), new Readiness("processor", pipeline::ready),
                    new Readiness("storage", () -> storage.reads().healthy() && loaders.stream().allMatch(StoreLoader::isRunning)),
                    new Readiness("alerting", alerting::isRunning)),
                    registry::scrape, clock).withAlerts(alerting.book())
                    .withSystem(new MeterSystemStatus(registry, clock, pipelineConfig.topics().samples().name(), () -> pipeline.totals().points())));
            http.start(config.bindAddress(), config.port());
            LOG.info("Harbinger listening on http://{}:{} (Kafka {}{})", config.bindAddress(), http.port(), bootstrapServers,
                    config.embeddedKafka() ? ", embedded" : "");
        } catch (RuntimeException | Error e) {
            closeResources();
            throw e;
        }
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

    /** The storage side: for tests and tools that read what was stored. */
    public javax.sql.DataSource primaryFor(String region) {
        return storage.routing().shardFor(region).primary();
    }

    /** Rows stored in PostgreSQL per table, over all shards. */
    public StoredRows storedRows() {
        return storage.reads().storedRows();
    }

    /** The failure model in force. */
    public String modelVersion() {
        return models.holder().version();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** What the read API reads the fleet through (the cache in front of storage). */
    public FleetReads fleet() {
        return cache.reads();
    }

    /** The read cache (for tests and tools). */
    public ReadCache cache() {
        return cache;
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
            if (!ingest.drain(DRAIN_TIMEOUT)) LOG.warn("ingest requests still open after {}; stopping anyway", DRAIN_TIMEOUT);
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
