package io.harbinger.store.query;

import java.time.Instant;

/** One {@code predictions} row: a drive's failure probability at a scoring time. */
public record RiskPrediction(String region, String drive, String host, Instant ts, String modelVersion,
                             double probability, String bucket) {
}
