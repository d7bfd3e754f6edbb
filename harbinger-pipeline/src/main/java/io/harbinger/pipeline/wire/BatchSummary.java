package io.harbinger.pipeline.wire;

/**
 * What a record says about its host without materialising its points: the host, how many points
 * and field values it carries and its newest timestamp — all the host-state step needs.
 *
 * @param newestNanos the largest point timestamp, epoch nanoseconds
 */
public record BatchSummary(long fingerprint, String region, String host, int points, long samples, long newestNanos)
        implements SummaryResult {
}
