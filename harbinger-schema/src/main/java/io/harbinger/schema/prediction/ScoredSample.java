package io.harbinger.schema.prediction;

/**
 * What the model said of one drive sample: the drive ({@code region/host/drive}), the sample's instant
 * and the prediction.
 */
public record ScoredSample(String region, String host, String drive, long timestampNanos, Prediction prediction) {
    public ScoredSample {
        if (region == null || host == null || drive == null) throw new IllegalArgumentException("region, host and drive must be non-null");
        if (drive.isEmpty()) throw new IllegalArgumentException("a scored sample names its drive");
        if (prediction == null) throw new IllegalArgumentException("prediction must be non-null");
    }
}
