package io.harbinger.store.rows;

import io.harbinger.store.PartitionedTable;

/**
 * A {@code predictions} row: one scored drive sample, made by {@link PredictionRows#of}.
 *
 * @param tsMicros        the scored sample's time
 * @param bucket          good, warning, bad or unknown
 * @param topFeaturesJson the contributions as a JSON array, largest magnitude first:
 *                        {@code [{"feature":"smart_197_raw","contribution":0.83}, ...]}
 * @param assessor        who judged: model, nvme-health-log, scsi-health-log or smart-counters
 * @param factsJson       what was observed, a JSON array of strings: {@code ["SMART 197 current pending sectors 0 -> 24 in 3 days"]}
 */
public record PredictionRow(String region, String host, String drive, long tsMicros, String modelVersion,
                            double probability, String bucket, String topFeaturesJson, String assessor, String factsJson) implements Row {
    public PredictionRow {
        Scored.requireProbability(probability);
    }

    /** A model's row without facts. */
    public PredictionRow(String region, String host, String drive, long tsMicros, String modelVersion, double probability, String bucket,
            String topFeaturesJson) {
        this(region, host, drive, tsMicros, modelVersion, probability, bucket, topFeaturesJson, Scored.MODEL, "[]");
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
