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
 * words. For the model's predictions, the observed facts behind them and the top contributions no fact
 * tells (with the feature values scored); for a health-log or counter assessment (a drive the model was not trained
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
                : p.bucket().label() + ", judged by its " + p.assessor().description();
        return "Drive " + s.drive() + " on " + s.region() + "/" + s.host() + " predicted to fail (" + by + ")";
    }

    /**
     * A model prediction's facts, then its contributions no fact tells, in words ({@link Reasons#withFacts}:
     * "SMART 197 current pending sectors 0 -> 24 in 3 days; temperature 52 °C"); a rule's reasons (its
     * facts). Then who judged.
     */
    static String description(ScoredSample s) {
        Prediction p = s.prediction();
        List<String> reasons = p.assessor() == Assessor.MODEL ? Reasons.withFacts(p.topFeatures(), p.facts()) : p.facts();
        String by = (p.assessor() == Assessor.MODEL ? "model " : p.assessor().label() + " rule ") + p.modelVersion();
        return reasons.isEmpty() ? "No reasons given by " + by + "." : String.join("; ", reasons) + " (" + by + ").";
    }
}
