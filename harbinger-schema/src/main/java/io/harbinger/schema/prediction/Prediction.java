package io.harbinger.schema.prediction;

import java.util.List;

/**
 * One scored drive sample.
 *
 * @param probability probability of failure within the model's horizon, 0..1
 * @param topFeatures the features that contributed most, largest magnitude first
 */
public record Prediction(String modelVersion, double probability, Bucket bucket, List<Contribution> topFeatures) {
    public Prediction {
        if (modelVersion == null || modelVersion.isEmpty()) throw new IllegalArgumentException("modelVersion must be non-empty");
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in 0..1, was " + probability);
        if (bucket == null) throw new IllegalArgumentException("bucket must be non-null");
        topFeatures = List.copyOf(topFeatures);
    }
}
