package io.harbinger.predict.model;

import io.harbinger.core.sample.Field;
import io.harbinger.core.sample.Point;
import io.harbinger.core.sample.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * How predictions and alerts travel on the predictions topic: as {@link Point}s in the same wire format
 * as samples, so the store sink, its exactly-once offsets and every consumer of points serve them too.
 *
 * <ul>
 *   <li>A prediction: measurement {@value #PREDICTION}; region, host, drive and timestamp of the scored
 *       sample; tags {@value #TAG_MODEL_VERSION} and {@value #TAG_BUCKET}; fields {@value #PROBABILITY}
 *       (0..1), then one {@code contribution.<feature>} field per top feature (its SHAP value in
 *       log-odds), largest magnitude first.</li>
 *   <li>An alert (the drive's probability reached the model's alert threshold; one per episode):
 *       measurement {@value #ALERT}, otherwise the same, timestamp = when it was raised.</li>
 * </ul>
 */
public final class PredictionPoints {
    public static final String PREDICTION = "drive_prediction";
    public static final String ALERT = "drive_alert";
    public static final String TAG_MODEL_VERSION = "model_version";
    public static final String TAG_BUCKET = "bucket";
    public static final String PROBABILITY = "probability";
    public static final String CONTRIBUTION_PREFIX = "contribution.";

    private PredictionPoints() {
    }

    /** The point of {@code prediction} for the sample of {@code region/host/drive} at {@code timestampNanos}. */
    public static Point of(String measurement, String region, String host, String drive, long timestampNanos, Prediction prediction) {
        List<Tag> tags = List.of(new Tag(TAG_MODEL_VERSION, prediction.modelVersion()), new Tag(TAG_BUCKET, prediction.bucket().label()));
        List<Field> fields = new ArrayList<>(1 + prediction.topFeatures().size());
        fields.add(new Field(PROBABILITY, prediction.probability()));
        for (Contribution c : prediction.topFeatures()) fields.add(new Field(CONTRIBUTION_PREFIX + c.feature(), c.value()));
        return new Point(measurement, region, host, drive, tags, fields, timestampNanos);
    }

    public static boolean isPrediction(Point p) {
        return PREDICTION.equals(p.measurement());
    }

    public static boolean isAlert(Point p) {
        return ALERT.equals(p.measurement());
    }
}
