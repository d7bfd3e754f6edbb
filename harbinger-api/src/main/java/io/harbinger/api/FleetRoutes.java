package io.harbinger.api;

import io.harbinger.schema.alert.AlertBook;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.schema.read.Page;
import io.harbinger.schema.read.StoredRows;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the model said, read from storage (replicas where there are); described in {@code openapi.yaml}:
 * <ul>
 *   <li>{@code GET /api/v1/fleet/summary?days=14} — drives per bucket, open alerts and a per-day trend per region, a risk histogram;</li>
 *   <li>{@code GET /api/v1/fleet/at-risk?region=&bucket=bad,warning&limit=&cursor=} — drives by their latest prediction, riskiest first, with reasons;</li>
 *   <li>{@code GET /api/v1/fleet/hosts?region=&limit=&cursor=} — hosts with their worst drive;</li>
 *   <li>{@code GET /api/v1/fleet/hosts/{region}/{host}} — a host's drives, their latest predictions, its host metrics;</li>
 *   <li>{@code GET /api/v1/fleet/drives/{region}/{host}/{drive}?from=&to=} — a drive's latest prediction with reasons, risk and SMART history;</li>
 *   <li>{@code GET /api/v1/drives/{region}/{host}/{drive}/predictions?from=&to=} — a drive's predictions, oldest first;</li>
 *   <li>{@code GET /api/v1/episodes?region=R[&from=&to=][&open=true]} — a region's alert episodes (the {@code alerts} table), newest first;</li>
 *   <li>{@code GET /api/v1/risk?limit=N[&asOf=]} — the fleet's riskiest drives of the day before {@code asOf}, over every shard;</li>
 *   <li>{@code GET /api/v1/store/stats} — rows stored per table over all shards; {@code rows}: what ingest stored.</li>
 *   <li>{@code GET /api/v1/store/hosts?prefix=&since=} — per host whose name starts with {@code prefix}: SMART samples, host metric rows and
 *       predictions stored since {@code since} (default 30 days ago), from the primaries (a load test reconciles with it).</li>
 * </ul>
 * Pages are {@code {"items": [...], "nextCursor": "..." | null}}; a bad parameter is 400 naming it.
 */
final class FleetRoutes {
    static final int MAX_LIMIT = 10_000;
    static final int MAX_TREND_DAYS = 90;
    static final int DEFAULT_TREND_DAYS = 14;

    private FleetRoutes() {
    }

    static void register(Javalin app, FleetReads fleet, Clock clock, Optional<AlertBook> alerts) {
        app.get("/api/v1/fleet/summary", ctx -> {
            FleetSummary summary = fleet.summary(QueryParams.integer(ctx, "days", DEFAULT_TREND_DAYS, 1, MAX_TREND_DAYS));
            // where alerting runs, "alerts open" is what it has firing, not the episodes the stream raised
            ctx.json(alerts.map(book -> summary.withAlertsOpen(book.firingByRegion())).orElse(summary));
        });
        app.get("/api/v1/fleet/at-risk", ctx -> {
            AtRiskQuery q = new AtRiskQuery(QueryParams.optionalName(ctx, "region"), QueryParams.buckets(ctx, "bucket", AtRiskQuery.DEFAULT_BUCKETS),
                    QueryParams.limit(ctx), QueryParams.cursor(ctx, Cursor.AtRisk.class));
            page(ctx, fleet.atRisk(q));
        });
        app.get("/api/v1/fleet/hosts", ctx -> page(ctx, fleet.hosts(new HostsQuery(QueryParams.optionalName(ctx, "region"),
                QueryParams.limit(ctx), QueryParams.cursor(ctx, Cursor.Host.class)))));
        app.get("/api/v1/fleet/hosts/{region}/{host}", ctx -> {
            String region = QueryParams.pathName(ctx, "region");
            String host = QueryParams.pathName(ctx, "host");
            fleet.host(region, host).ifPresentOrElse(ctx::json, () -> notFound(ctx, "no host " + region + "/" + host));
        });
        app.get("/api/v1/fleet/drives/{region}/{host}/{drive}", ctx -> {
            QueryParams.OptionalRange r = QueryParams.optionalRange(ctx);
            DriveQuery q = new DriveQuery(QueryParams.pathName(ctx, "region"), QueryParams.pathName(ctx, "host"), QueryParams.pathName(ctx, "drive"),
                    r.from(), r.to());
            fleet.drive(q).ifPresentOrElse(ctx::json, () -> notFound(ctx, "no drive " + q.region() + "/" + q.host() + "/" + q.drive()));
        });
        app.get("/api/v1/drives/{region}/{host}/{drive}/predictions", ctx -> {
            QueryParams.Range r = QueryParams.range(ctx, clock);
            ctx.json(fleet.drivePredictions(ctx.pathParam("region"), ctx.pathParam("host"), ctx.pathParam("drive"), r.from(), r.to()));
        });
        app.get("/api/v1/episodes", ctx -> {
            String region = QueryParams.required(ctx, "region", "alert episodes are read one region at a time");
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
        app.get("/api/v1/store/hosts", ctx -> {
            String prefix = QueryParams.name("prefix", QueryParams.required(ctx, "prefix", "hosts are counted by a name prefix (a whole-fleet count is /api/v1/store/stats)"));
            Instant since = QueryParams.instant(ctx, "since", clock.instant().minus(QueryParams.DEFAULT_RANGE));
            ctx.json(Map.of("items", fleet.storedRowsByHost(prefix, since)));
        });
    }

    /** {@code {"items": [...], "nextCursor": "..." | null}}. */
    private static void page(Context ctx, Page<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.next().map(Cursor::encode).orElse(null));
        ctx.json(body);
    }

    private static void notFound(Context ctx, String what) {
        ctx.status(404).json(Map.of("error", what));
    }
}
