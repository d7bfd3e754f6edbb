package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Bucket;

/**
 * What a model says of a drive on one day, before explanations: its calibrated risk of failing within
 * the model's horizon (what {@link io.harbinger.schema.prediction.Prediction#probability()} carries) and
 * its bucket. See {@link FailureModel#assess}.
 */
public record Assessment(double risk, Bucket bucket) {
    public Assessment {
        if (!(risk >= 0 && risk <= 1)) throw new IllegalArgumentException("risk must be in 0..1, was " + risk);
        if (bucket == null) throw new IllegalArgumentException("bucket must be non-null");
    }
}
