package io.harbinger.app;

import io.harbinger.ingest.http.IngestRoutes;
import io.harbinger.pipeline.Pipeline;
import io.harbinger.store.load.StoreLoader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.Map;

/**
 * Read side of the foundation: what the stream processor has seen per host, totals, health and
 * readiness, and the Prometheus scrape endpoint.
 */
final class ApiRoutes {
    private ApiRoutes() {
    }

    static void register(Javalin app, Pipeline pipeline, IngestRoutes ingest, Storage storage, List<StoreLoader> loaders, PrometheusMeterRegistry registry) {
        app.get("/api/v1/hosts", ctx -> ctx.json(pipeline.hosts()));
        app.get("/api/v1/hosts/{region}/{host}", ctx -> pipeline.host(ctx.pathParam("region"), ctx.pathParam("host"))
                .ifPresentOrElse(ctx::json, () -> ctx.status(404).json(Map.of("error", "no data from host "
                        + ctx.pathParam("host") + " in region " + ctx.pathParam("region") + " has been processed"))));
        app.get("/api/v1/stats", ctx -> ctx.json(pipeline.totals()));
        app.exception(Pipeline.NotQueryableException.class, (e, ctx) -> ctx.status(503).header("Retry-After", "1")
                .json(Map.of("error", "the processor's state is not readable right now: " + e.getMessage())));
        app.get("/api/v1/store/stats", ctx -> {
            Map<String, Long> rows = storage.rowCounts();
            // "rows": what ingest stored, the figure the peer benchmark counts; derived tables are listed
            ctx.json(Map.of("rows", Storage.ingestedRows(rows), "tables", rows));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/ready", ctx -> ready(ctx, pipeline, ingest, storage, loaders));
    }

    private static void ready(Context ctx, Pipeline pipeline, IngestRoutes ingest, Storage storage, List<StoreLoader> loaders) {
        boolean accepting = ingest.accepting();
        boolean processing = pipeline.ready();
        boolean storing = storage.healthy() && loaders.stream().allMatch(StoreLoader::isRunning);
        boolean ready = accepting && processing && storing;
        ctx.status(ready ? 200 : 503).json(Map.of("ready", ready, "ingest", accepting, "processor", processing, "storage", storing));
    }
}
