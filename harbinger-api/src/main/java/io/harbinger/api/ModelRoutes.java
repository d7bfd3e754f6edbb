package io.harbinger.api;

import io.harbinger.api.port.ModelControl;
import io.harbinger.api.port.ModelControl.Reload;
import io.javalin.Javalin;

import java.util.Map;

/** {@code GET /api/v1/model} (the model in force) and {@code POST /api/v1/model/reload} (look at the model file now). */
final class ModelRoutes {
    private ModelRoutes() {
    }

    static void register(Javalin app, ModelControl model) {
        app.get("/api/v1/model", ctx -> ctx.json(model.describe()));
        app.post("/api/v1/model/reload", ctx -> {
            switch (model.reload()) {
                case Reload.Replaced r -> ctx.json(Map.of("reloaded", true, "from", r.from(), "version", r.to()));
                case Reload.Unchanged u -> ctx.json(Map.of("reloaded", false, "version", u.version()));
                case Reload.Refused r -> ctx.status(422).json(Map.of("error", r.reason(), "version", r.version()));
                case Reload.NoFile n -> ctx.status(409).json(Map.of("error",
                        "this node runs the bundled model; start it with --model FILE to replace models while it runs"));
            }
        });
    }
}
