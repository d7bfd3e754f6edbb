package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Contribution;

import java.time.Instant;
import java.util.List;

/**
 * One {@code predictions} row with its explanation.
 *
 * @param topFeatures the stored contributions, largest magnitude first (a non-finite one as NaN)
 */
public record DrivePrediction(String region, String drive, String host, Instant ts, String modelVersion,
                              double probability, String bucket, List<Contribution> topFeatures) {
    public DrivePrediction {
        topFeatures = List.copyOf(topFeatures);
    }
}
