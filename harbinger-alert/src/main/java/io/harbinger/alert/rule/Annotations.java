package io.harbinger.alert.rule;

import io.harbinger.schema.prediction.Reasons;
import io.harbinger.schema.prediction.ScoredSample;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person reads in a notification: a one-line {@code summary} and a {@code description}: why, in
 * words, from the prediction's top contributions and the feature values scored.
 */
public final class Annotations {
    private Annotations() {
    }

    public static Map<String, String> of(ScoredSample s) {
        String summary = String.format(Locale.ROOT, "Drive %s on %s/%s predicted to fail (p=%.2f, %s)", s.drive(), s.region(), s.host(),
                s.prediction().probability(), s.prediction().bucket().label());
        return Map.of("summary", summary, "description", description(s));
    }

    /** The reasons in words ({@link Reasons}: "SMART 197 current pending sectors grew by 24 in 7 days (now 24)"), then the model. */
    static String description(ScoredSample s) {
        List<String> reasons = Reasons.of(s.prediction().topFeatures());
        String model = "model " + s.prediction().modelVersion();
        return reasons.isEmpty() ? "No reasons given by " + model + "." : String.join("; ", reasons) + " (" + model + ").";
    }
}
