package io.harbinger.schema.read;

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
 */
public record DriveAlert(String region, String drive, String host, Instant raisedAt, UUID id, String state, String modelVersion,
                         double probability, String bucket, List<Contribution> topFeatures, Instant updatedAt,
                         Optional<Instant> resolvedAt) {
    public DriveAlert {
        topFeatures = List.copyOf(topFeatures);
    }
}
