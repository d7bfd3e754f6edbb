package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Contribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One {@code alerts} row.
 *
 * @param state       open, acknowledged or resolved
 * @param topFeatures the contributions of the prediction that raised it, largest magnitude first
 * @param assessor    who judged the prediction that raised it, and {@code facts} what was observed (see {@link DriveRisk})
 */
public record DriveAlert(String region, String drive, String host, Instant raisedAt, UUID id, String state, String modelVersion,
                         double probability, String bucket, List<Contribution> topFeatures, Instant updatedAt,
                         Optional<Instant> resolvedAt, String assessor, List<String> facts) {
    public DriveAlert {
        topFeatures = List.copyOf(topFeatures);
        facts = List.copyOf(facts);
    }

    /** An alert the model raised, without facts. */
    public DriveAlert(String region, String drive, String host, Instant raisedAt, UUID id, String state, String modelVersion,
                      double probability, String bucket, List<Contribution> topFeatures, Instant updatedAt, Optional<Instant> resolvedAt) {
        this(region, drive, host, raisedAt, id, state, modelVersion, probability, bucket, topFeatures, updatedAt, resolvedAt, Assessor.MODEL.label(), List.of());
    }
}
