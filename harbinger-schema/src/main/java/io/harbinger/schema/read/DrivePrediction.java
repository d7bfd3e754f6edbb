package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Contribution;

import java.time.Instant;
import java.util.List;

/**
 * One {@code predictions} row with its explanation.
 *
 * @param topFeatures the stored contributions, largest magnitude first (a non-finite one as NaN)
 * @param assessor    who judged (see {@link DriveRisk#assessor()})
 * @param facts       what was observed (see {@link DriveRisk#facts()})
 */
public record DrivePrediction(String region, String drive, String host, Instant ts, String modelVersion,
                              double probability, String bucket, List<Contribution> topFeatures, String assessor, List<String> facts) {
    public DrivePrediction {
        topFeatures = List.copyOf(topFeatures);
        facts = List.copyOf(facts);
    }

    /** The model's prediction, without facts. */
    public DrivePrediction(String region, String drive, String host, Instant ts, String modelVersion,
                           double probability, String bucket, List<Contribution> topFeatures) {
        this(region, drive, host, ts, modelVersion, probability, bucket, topFeatures, Assessor.MODEL.label(), List.of());
    }
}
