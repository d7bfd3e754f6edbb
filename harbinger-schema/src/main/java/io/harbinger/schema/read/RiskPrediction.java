package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Contribution;

import java.time.Instant;
import java.util.List;

/**
 * One {@code predictions} row: a drive's failure probability at a scoring time.
 *
 * @param topFeatures why, largest contribution first (empty for good and unknown predictions)
 * @param assessor    who judged, and {@code facts} what was observed (see {@link DriveRisk})
 */
public record RiskPrediction(String region, String drive, String host, Instant ts, String modelVersion,
                             double probability, String bucket, List<Contribution> topFeatures, String assessor, List<String> facts) {
    public RiskPrediction {
        topFeatures = List.copyOf(topFeatures);
        facts = List.copyOf(facts);
    }

    /** The model's prediction, without facts. */
    public RiskPrediction(String region, String drive, String host, Instant ts, String modelVersion,
                          double probability, String bucket, List<Contribution> topFeatures) {
        this(region, drive, host, ts, modelVersion, probability, bucket, topFeatures, Assessor.MODEL.label(), List.of());
    }

    /** A row without explanation. */
    public RiskPrediction(String region, String drive, String host, Instant ts, String modelVersion, double probability, String bucket) {
        this(region, drive, host, ts, modelVersion, probability, bucket, List.of());
    }
}
