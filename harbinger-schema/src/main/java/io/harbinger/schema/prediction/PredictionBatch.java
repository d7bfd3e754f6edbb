package io.harbinger.schema.prediction;

import java.util.List;

/**
 * The value of one record on the predictions topic: the scored drive samples of one samples record,
 * and the alerts they raised (an alert is the scored sample that reached the model's alert threshold
 * with no flagged day in the horizon before: one per episode; its instant is when it was raised).
 *
 * @param scored at least one
 * @param alerts each also in {@code scored}
 */
public record PredictionBatch(List<ScoredSample> scored, List<ScoredSample> alerts) {
    public PredictionBatch {
        scored = List.copyOf(scored);
        alerts = List.copyOf(alerts);
        if (scored.isEmpty()) throw new IllegalArgumentException("a prediction batch holds at least one scored sample");
    }
}
