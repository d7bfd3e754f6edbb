package io.harbinger.schema.prediction;

/**
 * How much one feature pushed a prediction, and the feature's value in the vector scored.
 *
 * @param feature      the feature's name ({@code smart_197_change_7d}; see the predict module's {@code Features})
 * @param contribution in log-odds (a tree SHAP value): positive towards failure
 * @param value        the feature's value in the scored vector; NaN when unknown (missing in the
 *                     vector, or a record written before values were carried)
 */
public record Contribution(String feature, double contribution, double value) {
    public Contribution {
        if (feature == null || feature.isEmpty()) throw new IllegalArgumentException("feature must be non-empty");
    }
}
