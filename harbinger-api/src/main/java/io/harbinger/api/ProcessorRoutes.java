package io.harbinger.api;

import io.harbinger.schema.read.ProcessorReads;
import io.javalin.Javalin;

import java.util.Map;

/** What the node's processor has seen, per host and in total (for the hosts of the partitions it holds). */
final class ProcessorRoutes {
    private ProcessorRoutes() {
    }

    static void register(Javalin app, ProcessorReads processor) {
        app.get("/api/v1/hosts", ctx -> ctx.json(processor.hosts()));
        app.get("/api/v1/hosts/{region}/{host}", ctx -> processor.host(ctx.pathParam("region"), ctx.pathParam("host"))
                .ifPresentOrElse(ctx::json, () -> ctx.status(404).json(Map.of("error", "no data from host "
                        + ctx.pathParam("host") + " in region " + ctx.pathParam("region") + " has been processed"))));
        app.get("/api/v1/stats", ctx -> ctx.json(processor.totals()));
    }
}
