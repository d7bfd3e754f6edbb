package io.harbinger.store.rows;

/**
 * The columns a prediction and an alert share, in the order both tables' COPY lists them
 * ({@link CopyEncoding#columns}): region, drive, time, then host and model version in the order of the
 * table, probability, bucket, top features.
 */
final class Scored {
    static final int COLUMNS = 10;
    /** The assessor of rows written before predictions said who judged them. */
    static final String MODEL = "model";

    private Scored() {
    }

    static void writePrediction(ColumnWriter w, PredictionRow r) {
        w.beginRow(COLUMNS);
        w.text(r.region());
        w.text(r.drive());
        w.timestamptz(r.tsMicros());
        w.text(r.modelVersion());
        w.text(r.host());
        writeScore(w, r.probability(), r.bucket(), r.topFeaturesJson(), r.assessor(), r.factsJson());
    }

    static void writeAlert(ColumnWriter w, AlertRow r) {
        w.beginRow(COLUMNS);
        w.text(r.region());
        w.text(r.drive());
        w.timestamptz(r.tsMicros());
        w.text(r.host());
        w.text(r.modelVersion());
        writeScore(w, r.probability(), r.bucket(), r.topFeaturesJson(), r.assessor(), r.factsJson());
    }

    private static void writeScore(ColumnWriter w, double probability, String bucket, String topFeaturesJson, String assessor, String factsJson) {
        w.float8(probability);
        w.text(bucket);
        w.jsonb(topFeaturesJson);
        w.text(assessor);
        w.jsonb(factsJson);
        w.endRow();
    }

    static void requireProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in 0..1, was " + probability);
    }
}
