package io.harbinger.pipeline;

import io.harbinger.core.point.Point;
import io.harbinger.predict.health.Families;
import io.harbinger.predict.health.HealthCheck;
import io.harbinger.predict.health.HealthMemory;
import io.harbinger.predict.health.HealthReading;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.schema.prediction.ScoredSample;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drive samples of one record that the failure model does not score (NVMe, SCSI, ATA drives of
 * families it was not trained on: {@link HealthCheck}), judged by their health logs. Each drive's
 * {@link HealthMemory} lives in the scoring store under {@value #KEY_PREFIX}{@code region/host/drive}, apart
 * from the model's histories; read once per drive and record, written back once.
 */
final class HealthScoring {
    /** Keys of health memories in the scoring store (a history's key is {@code region/host/drive}). */
    static final String KEY_PREFIX = "~health/";

    private final KeyValueStore<String, byte[]> store;
    private final Families families;
    private final int rearmDays;
    private final Map<String, HealthMemory> memories = new HashMap<>();
    private final List<ScoredSample> scored = new ArrayList<>();
    private final List<ScoredSample> alerts = new ArrayList<>();

    /**
     * @param families the families the model in force scores ({@link #familiesOf}, derived once per model)
     * @param rearmDays the model's horizon: an episode's alert re-arms after as many days without bad
     */
    HealthScoring(KeyValueStore<String, byte[]> store, Families families, int rearmDays) {
        this.store = store;
        this.families = families;
        this.rearmDays = rearmDays;
    }

    /** The families {@code model} was trained on, from its training record. */
    static Families familiesOf(FailureModel model) {
        return Families.of(model.info().training().get(Families.TRAINING_KEY));
    }

    /** Judges {@code p}, a sample of drive {@code drive} ({@code region/host/drive}), when the model does not score it; false (nothing done) for any other point. */
    boolean claims(Point p, String drive) {
        HealthReading r = HealthReading.of(p).orElse(null);
        if (r == null || HealthCheck.modelScores(r, families)) return false;
        String key = KEY_PREFIX + drive;
        HealthMemory previous = memories.computeIfAbsent(key, k -> {
            byte[] stored = store.get(k);
            return stored == null ? HealthMemory.EMPTY : HealthMemory.decode(stored);
        });
        HealthCheck.Outcome out = HealthCheck.assess(r, previous, families, rearmDays);
        memories.put(key, out.memory());
        ScoredSample s = new ScoredSample(p.region(), p.host(), p.drive(), p.timestampNanos(), out.assessment().toPrediction());
        scored.add(s);
        if (out.raisesAlert()) alerts.add(s);
        return true;
    }

    boolean isEmpty() {
        return scored.isEmpty();
    }

    /** Adds the judged samples and their alerts to a record's, and writes the memories back. */
    void finish(List<ScoredSample> allScored, List<ScoredSample> allAlerts) {
        allScored.addAll(scored);
        allAlerts.addAll(alerts);
        memories.forEach((key, memory) -> store.put(key, memory.encode()));
    }
}
