package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Contribution;

import java.time.Instant;
import java.util.List;

/**
 * One {@code predictions} row: a drive's failure probability at a scoring time.
 *
 * @param topFeatures why, largest contribution first (empty for good and unknown predictions)
 */
public record RiskPrediction(String region, String drive, String host, Instant ts, String modelVersion,
                             double probability, String bucket, List<Contribution> topFeatures) {
    public RiskPrediction {
        topFeatures = List.copyOf(topFeatures);
    }

    /** A row without explanation. */
    public RiskPrediction(String region, String drive, String host, Instant ts, String modelVersion, double probability, String bucket) {
        this(region, drive, host, ts, modelVersion, probability, bucket, List.of());
    }
}
