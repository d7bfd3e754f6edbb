package io.harbinger.store.rows;

import io.harbinger.store.PartitionedTable;

/**
 * An {@code alerts} row as raised, made by {@link PredictionRows#of}: the table's defaults give it an
 * id, state {@code open} and {@code updated_at}; it has no {@code resolved_at} yet.
 *
 * @param tsMicros        when it was raised ({@code raised_at})
 * @param topFeaturesJson the contributions of the prediction that raised it, as in {@link PredictionRow}
 * @param assessor        who judged, and {@code factsJson} what was observed, as in {@link PredictionRow}
 */
public record AlertRow(String region, String host, String drive, long tsMicros, String modelVersion,
                       double probability, String bucket, String topFeaturesJson, String assessor, String factsJson) implements Row {
    public AlertRow {
        Scored.requireProbability(probability);
    }

    /** A model's row without facts. */
    public AlertRow(String region, String host, String drive, long tsMicros, String modelVersion, double probability, String bucket,
            String topFeaturesJson) {
        this(region, host, drive, tsMicros, modelVersion, probability, bucket, topFeaturesJson, Scored.MODEL, "[]");
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
