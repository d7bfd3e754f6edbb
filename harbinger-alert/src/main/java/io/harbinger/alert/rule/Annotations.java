package io.harbinger.alert.rule;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.Reasons;
import io.harbinger.schema.prediction.ScoredSample;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person reads in a notification: a one-line {@code summary} and a {@code description}: why, in
 * words. For the model's predictions, the observed facts behind them, else its top contributions and the
 * feature values scored; for a health-log or counter assessment (a drive the model was not trained
 * on), its reasons (the prediction's facts) and the rule that judged it.
 */
public final class Annotations {
    private Annotations() {
    }

    public static Map<String, String> of(ScoredSample s) {
        return Map.of("summary", summary(s), "description", description(s));
    }

    static String summary(ScoredSample s) {
        Prediction p = s.prediction();
        String by = p.assessor() == Assessor.MODEL
                ? String.format(Locale.ROOT, "p=%.2f, %s", p.probability(), p.bucket().label())
                : p.bucket().label() + ", by its " + p.assessor().label();
        return "Drive " + s.drive() + " on " + s.region() + "/" + s.host() + " predicted to fail (" + by + ")";
    }

    /**
     * The prediction's facts, else (a model's prediction without them) its contributions in words ({@link Reasons}:
     * "SMART 197 current pending sectors grew by 24 in 7 days (now 24)"), then who judged.
     */
    static String description(ScoredSample s) {
        Prediction p = s.prediction();
        // facts, when given, are the sharper telling (from the drive's readings) of what the contributions say
        List<String> reasons = p.facts().isEmpty() && p.assessor() == Assessor.MODEL ? Reasons.of(p.topFeatures()) : p.facts();
        String by = (p.assessor() == Assessor.MODEL ? "model " : p.assessor().label() + " rule ") + p.modelVersion();
        return reasons.isEmpty() ? "No reasons given by " + by + "." : String.join("; ", reasons) + " (" + by + ").";
    }
}
