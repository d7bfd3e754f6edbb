package io.harbinger.store.rows;

import io.harbinger.store.PartitionedTable;

/**
 * An {@code alerts} row as raised, made by {@link PredictionRows#of}: the table's defaults give it an
 * id, state {@code open} and {@code updated_at}; it has no {@code resolved_at} yet.
 *
 * @param tsMicros        when it was raised ({@code raised_at})
 * @param topFeaturesJson the contributions of the prediction that raised it, as in {@link PredictionRow}
 */
public record AlertRow(String region, String host, String drive, long tsMicros, String modelVersion,
                       double probability, String bucket, String topFeaturesJson) implements Row {
    public AlertRow {
        Scored.requireProbability(probability);
    }

    @Override
    public PartitionedTable table() {
        return PartitionedTable.ALERTS;
    }

    @Override
    public void writeTo(ColumnWriter w) {
        Scored.writeAlert(w, this);
    }
}
