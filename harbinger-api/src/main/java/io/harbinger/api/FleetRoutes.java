package io.harbinger.api;

import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.StoredRows;
import io.javalin.Javalin;

import java.time.Clock;
import java.util.Map;

/**
 * What the model said, read from storage (replicas where there are):
 * <ul>
 *   <li>{@code GET /api/v1/drives/{region}/{host}/{drive}/predictions?from=&to=} — a drive's predictions, oldest first;</li>
 *   <li>{@code GET /api/v1/alerts?region=R[&from=&to=][&open=true]} — a region's alerts, newest first;</li>
 *   <li>{@code GET /api/v1/risk?limit=N[&asOf=]} — the fleet's riskiest drives of the day before {@code asOf}, over every shard;</li>
 *   <li>{@code GET /api/v1/store/stats} — rows stored per table over all shards; {@code rows}: what ingest stored.</li>
 * </ul>
 */
final class FleetRoutes {
    static final int MAX_LIMIT = 10_000;

    private FleetRoutes() {
    }

    static void register(Javalin app, FleetReads fleet, Clock clock) {
        app.get("/api/v1/drives/{region}/{host}/{drive}/predictions", ctx -> {
            QueryParams.Range r = QueryParams.range(ctx, clock);
            ctx.json(fleet.drivePredictions(ctx.pathParam("region"), ctx.pathParam("host"), ctx.pathParam("drive"), r.from(), r.to()));
        });
        app.get("/api/v1/alerts", ctx -> {
            String region = QueryParams.required(ctx, "region", "alerts are read one region at a time");
            QueryParams.Range r = QueryParams.range(ctx, clock);
            ctx.json(fleet.alerts(region, r.from(), r.to(), "true".equals(ctx.queryParam("open"))));
        });
        app.get("/api/v1/risk", ctx -> {
            int limit = QueryParams.integer(ctx, "limit", 100, 1, MAX_LIMIT);
            ctx.json(fleet.topRisk(limit, QueryParams.instant(ctx, "asOf", clock.instant())));
        });
        app.get("/api/v1/store/stats", ctx -> {
            StoredRows rows = fleet.storedRows();
            ctx.json(Map.of("rows", rows.ingested(), "tables", rows.tables()));
        });
    }
}
