package io.harbinger.store.rows;

import io.harbinger.store.PartitionedTable;

/**
 * A {@code predictions} row: one scored drive sample, made by {@link PredictionRows#of}.
 *
 * @param tsMicros        the scored sample's time
 * @param bucket          good, warning, bad or unknown
 * @param topFeaturesJson the contributions as a JSON array, largest magnitude first:
 *                        {@code [{"feature":"smart_197_raw","contribution":0.83}, ...]}
 */
public record PredictionRow(String region, String host, String drive, long tsMicros, String modelVersion,
                            double probability, String bucket, String topFeaturesJson) implements Row {
    public PredictionRow {
        Scored.requireProbability(probability);
    }

    @Override
    public PartitionedTable table() {
        return PartitionedTable.PREDICTIONS;
    }

    @Override
    public void writeTo(ColumnWriter w) {
        Scored.writePrediction(w, this);
    }
}
