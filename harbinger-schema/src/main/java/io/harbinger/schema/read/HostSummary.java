package io.harbinger.schema.read;

import java.time.Instant;

/**
 * A host by its drives' latest predictions.
 *
 * @param drives         drives with a latest prediction
 * @param worstBucket    the worst of their buckets (bad, warning, unknown, good in that order)
 * @param maxProbability their highest latest probability
 * @param lastSeen       its latest prediction instant
 */
public record HostSummary(String region, String host, long drives, String worstBucket, double maxProbability, Instant lastSeen) {
    public Cursor.Host position() {
        return new Cursor.Host(region, host);
    }
}
