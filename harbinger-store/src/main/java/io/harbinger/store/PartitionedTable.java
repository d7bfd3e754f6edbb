package io.harbinger.store;

/**
 * The tables created by the migrations as {@code PARTITION BY LIST (region)}, each with the
 * {@code timestamptz} column its region partitions are ranged on.
 */
public enum PartitionedTable {
    DISK_SAMPLES("disk_samples", "ts"),
    HOST_METRICS("host_metrics", "ts"),
    PREDICTIONS("predictions", "ts"),
    ALERTS("alerts", "raised_at");

    private final String tableName;
    private final String timeColumn;

    PartitionedTable(String tableName, String timeColumn) {
        this.tableName = tableName;
        this.timeColumn = timeColumn;
    }

    public String tableName() {
        return tableName;
    }

    public String timeColumn() {
        return timeColumn;
    }
}
