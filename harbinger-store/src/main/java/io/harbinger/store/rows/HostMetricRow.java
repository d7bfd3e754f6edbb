package io.harbinger.store.rows;

import io.harbinger.store.PartitionedTable;

/**
 * A {@code host_metrics} row: one point (measurement, tag set, instant) with all its fields.
 *
 * @param tagsJson   the point's tags as a JSON object (the key part: {@code {}} when none)
 * @param fieldsJson the point's fields as a JSON object of numbers ({@code null} for a non-finite value)
 */
public record HostMetricRow(String region, String host, String measurement, String tagsJson, long tsMicros,
                            String fieldsJson) implements Row {
    static final int COLUMNS = 6;

    @Override
    public PartitionedTable table() {
        return PartitionedTable.HOST_METRICS;
    }

    @Override
    public void writeTo(ColumnWriter w) {
        w.beginRow(COLUMNS);
        w.text(region);
        w.text(host);
        w.text(measurement);
        w.jsonb(tagsJson);
        w.timestamptz(tsMicros);
        w.jsonb(fieldsJson);
        w.endRow();
    }
}
