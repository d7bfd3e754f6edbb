package io.harbinger.alert.rule;

import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.ScoredSample;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person reads in a notification: a one-line {@code summary} and a {@code description} of what
 * pushed the prediction (its top contributions, largest first).
 */
public final class Annotations {
    private Annotations() {
    }

    public static Map<String, String> of(ScoredSample s) {
        String summary = String.format(Locale.ROOT, "Drive %s on %s/%s predicted to fail (p=%.2f, %s)", s.drive(), s.region(), s.host(),
                s.prediction().probability(), s.prediction().bucket().label());
        return Map.of("summary", summary, "description", description(s));
    }

    static String description(ScoredSample s) {
        if (s.prediction().topFeatures().isEmpty()) return "Model " + s.prediction().modelVersion() + " gave no contributions.";
        return "Model " + s.prediction().modelVersion() + "; what pushed it: " + s.prediction().topFeatures().stream()
                .map(Annotations::contribution).collect(Collectors.joining(", ")) + ".";
    }

    private static String contribution(Contribution c) {
        return String.format(Locale.ROOT, "%s %+.2f", c.feature(), c.value());
    }
}
