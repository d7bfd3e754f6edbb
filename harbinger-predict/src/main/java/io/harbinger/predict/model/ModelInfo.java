package io.harbinger.predict.model;

import java.util.List;
import java.util.Map;

/**
 * What a model file says of its model besides the trees.
 *
 * @param version     names the model in every prediction: {@code xgb-} and the first 12 hex digits of the
 *                    SHA-256 of the trees and thresholds, so the same training gives the same version
 * @param featureSet  the {@link io.harbinger.predict.feature.Features#VERSION} it was trained on
 * @param features    the feature names, in column order
 * @param horizonDays the model predicts failure within this many days
 * @param training    how it was trained (data, periods, parameters, counts), for the record
 */
public record ModelInfo(String version, String featureSet, List<String> features, int horizonDays,
                        AlertThresholds thresholds, Map<String, String> training) {
    public ModelInfo {
        if (version == null || version.isEmpty()) throw new IllegalArgumentException("version must be non-empty");
        if (horizonDays < 1) throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
        if (thresholds == null) throw new IllegalArgumentException("thresholds must be non-null");
        features = List.copyOf(features);
        training = Map.copyOf(training);
    }
}
