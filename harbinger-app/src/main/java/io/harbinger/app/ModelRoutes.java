package io.harbinger.app;

import io.harbinger.predict.model.ModelHolder;
import io.harbinger.predict.model.ModelInfo;
import io.javalin.Javalin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/model} (the model in force) and {@code POST /api/v1/model/reload} (look at the model file now). */
final class ModelRoutes {
    private ModelRoutes() {
    }

    static void register(Javalin app, ModelReloader models) {
        app.get("/api/v1/model", ctx -> ctx.json(describe(models.holder())));
        app.post("/api/v1/model/reload", ctx -> {
            if (models.holder().file().isEmpty()) {
                ctx.status(409).json(Map.of("error", "this node runs the bundled model; start it with --model FILE to replace models while it runs"));
                return;
            }
            switch (models.reload()) {
                case ModelHolder.Reload.Replaced r -> ctx.json(Map.of("reloaded", true, "from", r.from(), "version", r.to()));
                case ModelHolder.Reload.Unchanged u -> ctx.json(Map.of("reloaded", false, "version", u.version()));
                case ModelHolder.Reload.Refused r -> ctx.status(422).json(Map.of("error", r.reason(), "version", r.version()));
            }
        });
    }

    private static Map<String, Object> describe(ModelHolder holder) {
        ModelInfo info = holder.get().info();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", info.version());
        out.put("source", holder.file().map(Object::toString).orElse("bundled"));
        out.put("featureSet", info.featureSet());
        out.put("horizonDays", info.horizonDays());
        out.put("alertThreshold", info.thresholds().alert());
        out.put("warningThreshold", info.thresholds().warning());
        out.put("minHistoryDays", info.thresholds().minHistoryDays());
        out.put("features", info.features());
        out.put("training", info.training());
        return out;
    }
}
