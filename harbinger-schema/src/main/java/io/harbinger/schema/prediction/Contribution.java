package io.harbinger.schema.prediction;

/** How much one feature pushed a prediction, in log-odds (a tree SHAP value): positive towards failure. */
public record Contribution(String feature, double value) {
    public Contribution {
        if (feature == null || feature.isEmpty()) throw new IllegalArgumentException("feature must be non-empty");
    }
}
