package io.harbinger.store;

/**
 * How one table is partitioned in time and how long its data is kept.
 *
 * @param retentionDays a range partition is dropped once all of it is older than this many days
 */
public record TablePolicy(Granularity granularity, int retentionDays) {
    public TablePolicy {
        if (granularity == null) {
            throw new IllegalArgumentException("granularity must be DAY or MONTH, was null");
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be >= 1, was " + retentionDays);
        }
    }
}
