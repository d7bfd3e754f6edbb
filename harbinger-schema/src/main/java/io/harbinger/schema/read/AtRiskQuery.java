package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Bucket;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which drives at risk: those whose latest prediction is in one of {@code buckets}, of one region or
 * of the whole fleet, ordered by probability descending, then region, host, drive.
 *
 * @param after the previous page's {@link Page#next()}; empty for the first page
 */
public record AtRiskQuery(Optional<String> region, Set<Bucket> buckets, int limit, Optional<Cursor.AtRisk> after) {
    public static final Set<Bucket> DEFAULT_BUCKETS = java.util.Collections.unmodifiableSet(EnumSet.of(Bucket.WARNING, Bucket.BAD));

    public AtRiskQuery {
        if (buckets.isEmpty()) throw new IllegalArgumentException("at least one bucket");
        buckets = java.util.Collections.unmodifiableSet(EnumSet.copyOf(buckets)); // in the buckets' order
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
}
