package io.harbinger.app;

import io.harbinger.store.query.StoreQueries;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the model said, read from PostgreSQL (replicas where there are):
 * <ul>
 *   <li>{@code GET /api/v1/drives/{region}/{host}/{drive}/predictions?from=&to=} — a drive's predictions, oldest first;</li>
 *   <li>{@code GET /api/v1/alerts?region=R[&from=&to=][&open=true]} — a region's alerts, newest first;</li>
 *   <li>{@code GET /api/v1/risk?limit=N[&asOf=]} — the fleet's riskiest drives of the day before {@code asOf}, over every shard.</li>
 * </ul>
 * Times are ISO-8601 instants ({@code 2018-05-01T00:00:00Z}); ranges default to the 30 days before now and
 * may span at most 400 days (the retention of predictions). A bad parameter is a 400 naming it.
 */
final class PredictionRoutes {
    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final int MAX_LIMIT = 10_000;

    private PredictionRoutes() {
    }

    static void register(Javalin app, Storage storage, Clock clock) {
        app.get("/api/v1/drives/{region}/{host}/{drive}/predictions", ctx -> {
            Range r = range(ctx, clock);
            ctx.json(StoreQueries.drivePredictions(storage.readerFor(ctx.pathParam("region")), ctx.pathParam("region"),
                    ctx.pathParam("host"), ctx.pathParam("drive"), r.from(), r.to()));
        });
        app.get("/api/v1/alerts", ctx -> {
            String region = ctx.queryParam("region");
            if (region == null || region.isBlank()) throw new BadParameter("region", "is required: alerts are read one region at a time");
            Range r = range(ctx, clock);
            boolean open = "true".equals(ctx.queryParam("open"));
            ctx.json(open ? StoreQueries.openAlerts(storage.readerFor(region), region, r.from(), r.to())
                    : StoreQueries.alerts(storage.readerFor(region), region, r.from(), r.to()));
        });
        app.get("/api/v1/risk", ctx -> {
            int limit = intParam(ctx, "limit", 100);
            if (limit < 1 || limit > MAX_LIMIT) throw new BadParameter("limit", "must be 1.." + MAX_LIMIT + ", got " + limit);
            Instant asOf = instantParam(ctx, "asOf", clock.instant());
            ctx.json(StoreQueries.topRisk(storage.fanOut(), limit, asOf));
        });
        app.exception(BadParameter.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    }

    private record Range(Instant from, Instant to) {
    }

    private static Range range(Context ctx, Clock clock) {
        Instant to = instantParam(ctx, "to", clock.instant());
        Instant from = instantParam(ctx, "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) throw new BadParameter("from", "must be before to (" + from + " >= " + to + ")");
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) throw new BadParameter("from", "to range spans more than " + MAX_RANGE.toDays() + " days");
        return new Range(from, to);
    }

    private static Instant instantParam(Context ctx, String name, Instant otherwise) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return otherwise;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "is not an ISO-8601 instant such as 2018-05-01T00:00:00Z: '" + v + "'");
        }
    }

    private static int intParam(Context ctx, String name, int otherwise) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return otherwise;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "is not a whole number: '" + v + "'");
        }
    }

    /** A query parameter that cannot be used: answered 400 with the parameter and why. */
    static final class BadParameter extends RuntimeException {
        BadParameter(String parameter, String problem) {
            super("query parameter " + parameter + " " + problem);
        }
    }
}
