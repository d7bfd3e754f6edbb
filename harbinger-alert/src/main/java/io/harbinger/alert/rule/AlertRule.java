package io.harbinger.alert.rule;

import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.ScoredSample;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule every drive is held to: its predictions in {@code threshold} (or worse) must hold for
 * {@code hold} before the alert fires; once firing, it keeps firing until a prediction below the threshold
 * comes at least {@code keepFiringFor} of prediction time after the last one at or above it.
 *
 * @param threshold {@link Bucket#BAD} or {@link Bucket#WARNING} (which bad predictions also meet)
 */
public record AlertRule(Bucket threshold, Hold hold, Duration keepFiringFor) {
    public static final String ALERT_NAME = "DriveFailurePredicted";

    public AlertRule {
        if (threshold != Bucket.BAD && threshold != Bucket.WARNING) {
            throw new IllegalArgumentException("threshold must be bad or warning, got " + threshold);
        }
        if (hold == null) throw new IllegalArgumentException("hold must be non-null");
        if (keepFiringFor == null || keepFiringFor.isNegative()) throw new IllegalArgumentException("keepFiringFor must be zero or more");
    }

    /** {@code drive-bad} or {@code drive-warning}. */
    public String name() {
        return "drive-" + threshold.label();
    }

    public boolean matches(ScoredSample sample) {
        Bucket b = sample.prediction().bucket();
        return b == Bucket.BAD || (threshold == Bucket.WARNING && b == Bucket.WARNING);
    }

    /** The alert's labels for {@code sample}'s drive: the same for every sample of it, so its fingerprint is stable. */
    public Map<String, String> labels(ScoredSample sample) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("alertname", ALERT_NAME);
        labels.put("rule", name());
        labels.put("region", sample.region());
        labels.put("host", sample.host());
        labels.put("drive", sample.drive());
        labels.put("bucket", threshold.label());
        labels.put("severity", threshold == Bucket.BAD ? "critical" : "warning");
        return labels;
    }
}
