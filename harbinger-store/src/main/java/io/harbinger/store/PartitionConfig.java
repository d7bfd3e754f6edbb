package io.harbinger.store;

import java.util.EnumMap;
import java.util.Map;

/**
 * Partition maintenance settings: per table, its granularity and retention; for all tables, how
 * many days ahead of today partitions are created (so writes at midnight never find none) and how
 * many days back (so late data of the last days has somewhere to go).
 */
public record PartitionConfig(Map<PartitionedTable, TablePolicy> policies, int daysAhead, int daysBack) {
    public static final int MAX_DAYS_AHEAD = 366;

    public PartitionConfig {
        if (policies == null) {
            throw new IllegalArgumentException("policies must be non-null");
        }
        for (PartitionedTable table : PartitionedTable.values()) {
            if (policies.get(table) == null) {
                throw new IllegalArgumentException("no partition policy for table " + table.tableName()
                        + ": every table of " + java.util.Arrays.toString(PartitionedTable.values()) + " needs one");
            }
        }
        if (daysAhead < 1 || daysAhead > MAX_DAYS_AHEAD) {
            throw new IllegalArgumentException("daysAhead must be in [1, " + MAX_DAYS_AHEAD + "], was " + daysAhead);
        }
        if (daysBack < 0) {
            throw new IllegalArgumentException("daysBack must be >= 0, was " + daysBack);
        }
        policies = Map.copyOf(policies);
    }

    /**
     * Daily partitions everywhere except alerts (monthly: few rows, long-lived); raw data
     * kept 30 days, predictions and alerts 400; partitions 3 days ahead and 2 back.
     */
    public static PartitionConfig defaults() {
        Map<PartitionedTable, TablePolicy> policies = new EnumMap<>(PartitionedTable.class);
        policies.put(PartitionedTable.DISK_SAMPLES, new TablePolicy(Granularity.DAY, 30));
        policies.put(PartitionedTable.HOST_METRICS, new TablePolicy(Granularity.DAY, 30));
        policies.put(PartitionedTable.PREDICTIONS, new TablePolicy(Granularity.DAY, 400));
        policies.put(PartitionedTable.ALERTS, new TablePolicy(Granularity.MONTH, 400));
        return new PartitionConfig(policies, 3, 2);
    }

    public TablePolicy policy(PartitionedTable table) {
        return policies.get(table);
    }

    /** A copy with {@code table}'s policy replaced. */
    public PartitionConfig with(PartitionedTable table, TablePolicy policy) {
        Map<PartitionedTable, TablePolicy> copy = new EnumMap<>(policies);
        copy.put(table, policy);
        return new PartitionConfig(copy, daysAhead, daysBack);
    }
}
