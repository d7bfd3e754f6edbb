package io.harbinger.store.rows;

import io.harbinger.store.PartitionedTable;

/**
 * One row for one of the loader's tables, derived from one point by {@link PointRows#of} (samples topic)
 * or {@link PredictionRows#of} (predictions topic). The values
 * are ready for PostgreSQL: timestamps in microseconds (PostgreSQL's precision), jsonb as JSON text.
 */
public sealed interface Row permits DiskSampleRow, HostMetricRow, PredictionRow, AlertRow {
    PartitionedTable table();

    String region();

    /** Microseconds since the Unix epoch (the point's nanoseconds, floored). */
    long tsMicros();

    /** Writes the row's columns in the order of {@link CopyEncoding#columns(PartitionedTable)}. */
    void writeTo(ColumnWriter writer);
}
