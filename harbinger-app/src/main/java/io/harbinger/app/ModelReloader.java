package io.harbinger.app;

import io.harbinger.api.port.ModelControl;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.predict.model.ModelInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node's failure model: the {@code --model} file, checked every interval and swapped in when it holds
 * a new valid model (hot reload, no restart), or the bundled model. Metrics
 * {@code harbinger.model.reloads} and {@code harbinger.model.reload.refused}.
 */
final class ModelReloader implements ModelControl, AutoCloseable {
    private final ModelHolder holder;
    private final Optional<ScheduledExecutorService> timer;
    private final Counter reloads;
    private final Counter refused;

    private ModelReloader(ModelHolder holder, Duration interval, MeterRegistry registry) {
        this.holder = holder;
        this.reloads = Counter.builder("harbinger.model.reloads").description("Models replaced while running").register(registry);
        this.refused = Counter.builder("harbinger.model.reload.refused").description("Changed model files that held no usable model").register(registry);
        this.timer = holder.file().map(f -> Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("model-reload").factory()));
        timer.ifPresent(t -> t.scheduleWithFixedDelay(this::reload, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** @throws IOException or {@link io.harbinger.predict.model.ModelFile.InvalidModelException} when {@code file} holds no usable model */
    static ModelReloader start(Optional<Path> file, Duration interval, MeterRegistry registry) throws IOException {
        ModelHolder holder = file.isPresent() ? ModelHolder.watching(file.get()) : ModelHolder.bundled();
        return new ModelReloader(holder, interval, registry);
    }

    ModelHolder holder() {
        return holder;
    }

    /** Looks at the file now. */
    @Override
    public Reload reload() {
        if (holder.file().isEmpty()) return new Reload.NoFile();
        return switch (holder.reload()) {
            case ModelHolder.Reload.Replaced r -> {
                reloads.increment();
                yield new Reload.Replaced(r.from(), r.to());
            }
            case ModelHolder.Reload.Refused r -> {
                refused.increment();
                yield new Reload.Refused(r.reason(), r.version());
            }
            case ModelHolder.Reload.Unchanged u -> new Reload.Unchanged(u.version());
        };
    }

    @Override
    public Map<String, Object> describe() {
        ModelInfo info = holder.get().info();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", info.version());
        out.put("source", holder.file().map(Object::toString).orElse("bundled"));
        out.put("featureSet", info.featureSet());
        out.put("horizonDays", info.horizonDays());
        out.put("warningDays", info.warningDays());
        out.put("alertThreshold", info.thresholds().alert());     // on the calibrated risk within horizonDays
        out.put("warningThreshold", info.thresholds().warning()); // on the calibrated risk within warningDays
        out.put("alarm", Map.of("k", info.alarm().k(), "n", info.alarm().n()));
        out.put("calibration", Map.of("risk", Map.of("a", info.risk().a(), "b", info.risk().b()),
                "warningRisk", Map.of("a", info.warningRisk().a(), "b", info.warningRisk().b())));
        out.put("minHistoryDays", info.thresholds().minHistoryDays());
        out.put("features", info.features());
        out.put("training", info.training());
        return out;
    }

    @Override
    public void close() {
        timer.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
