package io.harbinger.store.rows;

import io.harbinger.core.sample.Field;
import io.harbinger.core.sample.Point;
import io.harbinger.core.sample.Tag;
import io.harbinger.predict.model.Bucket;
import io.harbinger.predict.model.PredictionPoints;

/**
 * Maps a point of the predictions topic ({@link PredictionPoints}) to its row. Pure; unlike
 * {@link PointRows} not total: what is not a well-formed prediction or alert is refused with the reason.
 *
 * <ul>
 *   <li>Measurement {@value PredictionPoints#PREDICTION} becomes a {@link PredictionRow}, measurement
 *       {@value PredictionPoints#ALERT} an {@link AlertRow} (its timestamp is {@code raised_at}).</li>
 *   <li>Required: a drive; tags {@value PredictionPoints#TAG_MODEL_VERSION} (non-empty) and
 *       {@value PredictionPoints#TAG_BUCKET} (good, warning, bad or unknown); field
 *       {@value PredictionPoints#PROBABILITY} in 0..1.</li>
 *   <li>Each {@code contribution.<feature>} field becomes {@code {"feature":"<feature>","contribution":<value>}}
 *       of the {@code top_features} array, in field order (the producer puts the largest magnitude first);
 *       a non-finite contribution is JSON {@code null}.</li>
 * </ul>
 * Other tags and fields are not stored (the tables have no place for them). When a tag or the probability repeats,
 * the last one wins. Text loses NUL characters (U+FFFD) and timestamps are floored to microseconds,
 * as in {@link PointRows}.
 */
public final class PredictionRows {
    private PredictionRows() {
    }

    public static MapResult of(Point p) {
        boolean alert = PredictionPoints.isAlert(p);
        if (!alert && !PredictionPoints.isPrediction(p)) {
            return refused(p, "measurement '" + p.measurement() + "' is neither " + PredictionPoints.PREDICTION + " nor " + PredictionPoints.ALERT);
        }
        if (p.drive().isEmpty()) return refused(p, "it has no drive");
        String modelVersion = tag(p, PredictionPoints.TAG_MODEL_VERSION);
        if (modelVersion.isEmpty()) return refused(p, "tag " + PredictionPoints.TAG_MODEL_VERSION + " is missing or empty");
        String bucket = tag(p, PredictionPoints.TAG_BUCKET);
        if (Bucket.find(bucket).isEmpty()) {
            return refused(p, "tag " + PredictionPoints.TAG_BUCKET + " is '" + bucket + "', expected good, warning, bad or unknown");
        }
        Field probability = field(p, PredictionPoints.PROBABILITY);
        if (probability == null) return refused(p, "field " + PredictionPoints.PROBABILITY + " is missing");
        double value = probability.value();
        if (!(value >= 0 && value <= 1)) return refused(p, "field " + PredictionPoints.PROBABILITY + " is " + value + ", outside 0..1");
        String features = topFeatures(p);
        if (features == null) return refused(p, "a field is named " + PredictionPoints.CONTRIBUTION_PREFIX + " without a feature");
        String region = PointRows.clean(p.region());
        String host = PointRows.clean(p.host());
        String drive = PointRows.clean(p.drive());
        long ts = PointRows.micros(p.timestampNanos());
        String version = PointRows.clean(modelVersion);
        return new MapResult.Mapped(alert
                ? new AlertRow(region, host, drive, ts, version, value, bucket, features)
                : new PredictionRow(region, host, drive, ts, version, value, bucket, features));
    }

    /** The contribution fields as a JSON array in field order; null when one has an empty feature name. */
    static String topFeatures(Point p) {
        StringBuilder out = new StringBuilder(32 + 48 * p.fields().size()).append('[');
        boolean first = true;
        for (Field f : p.fields()) {
            if (!f.name().startsWith(PredictionPoints.CONTRIBUTION_PREFIX)) continue;
            String feature = f.name().substring(PredictionPoints.CONTRIBUTION_PREFIX.length());
            if (feature.isEmpty()) return null;
            if (!first) out.append(',');
            first = false;
            out.append("{\"feature\":");
            Json.appendString(out, feature);
            out.append(",\"contribution\":");
            Json.appendNumber(out, f.value());
            out.append('}');
        }
        return out.append(']').toString();
    }

    private static String tag(Point p, String key) {
        String value = "";
        for (Tag t : p.tags()) {
            if (t.key().equals(key)) value = t.value();
        }
        return value;
    }

    private static Field field(Point p, String name) {
        Field found = null;
        for (Field f : p.fields()) {
            if (f.name().equals(name)) found = f;
        }
        return found;
    }

    private static MapResult refused(Point p, String why) {
        return new MapResult.Refused(p.measurement() + " point of " + p.region() + "/" + p.host() + "/" + p.drive()
                + " at " + p.timestampNanos() + " ns refused: " + why);
    }
}
