package io.harbinger.api;

import io.harbinger.api.port.Readiness;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /metrics} (Prometheus text), {@code /health} (the process answers), {@code /ready} (every part works). */
final class OpsRoutes {
    private OpsRoutes() {
    }

    static void register(Javalin app, ApiPorts ports) {
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(ports.metrics().get()));
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/ready", ctx -> ready(ctx, ports.readiness()));
    }

    /** 200 when every check passes, else 503; the body names each check's outcome. */
    private static void ready(Context ctx, List<Readiness> checks) {
        Map<String, Boolean> body = new LinkedHashMap<>();
        boolean ready = true;
        for (Readiness r : checks) {
            boolean ok = r.check().getAsBoolean();
            body.put(r.name(), ok);
            ready &= ok;
        }
        body.put("ready", ready);
        ctx.status(ready ? 200 : 503).json(body);
    }
}
