package io.harbinger.predict.model;

import java.util.List;
import java.util.Map;

/**
 * What a model file says of its model besides the trees: everything that decides what it says of a drive.
 *
 * @param version     names the model in every prediction: {@code xgb-} and the first 12 hex digits of the
 *                    SHA-256 of the trees and of every other field here but {@code training}, so the same
 *                    training gives the same version, and a model that says something else another one
 * @param featureSet  the {@link io.harbinger.predict.feature.Features#VERSION} it was trained on
 * @param features    the feature names, in column order
 * @param horizonDays {@code risk} is the risk of failing within this many days (the {@code bad} bucket's)
 * @param warningDays {@code warningRisk} is the risk of failing within this many days (the {@code warning}
 *                    bucket's), at least {@code horizonDays}
 * @param thresholds  the buckets' thresholds, on the calibrated risks
 * @param alarm       how a drive's recent raw probabilities make its persistence score
 * @param risk        persistence score to the risk of failing within {@code horizonDays}
 * @param warningRisk persistence score to the risk of failing within {@code warningDays}
 * @param training    how it was trained (data, periods, parameters, counts), for the record
 */
public record ModelInfo(String version, String featureSet, List<String> features, int horizonDays, int warningDays,
                        AlertThresholds thresholds, AlarmPolicy alarm, Calibration risk, Calibration warningRisk,
                        Map<String, String> training) {
    public ModelInfo {
        if (version == null || version.isEmpty()) throw new IllegalArgumentException("version must be non-empty");
        if (horizonDays < 1) throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
        if (warningDays < horizonDays) throw new IllegalArgumentException("warningDays must be >= horizonDays " + horizonDays + ", was " + warningDays);
        if (thresholds == null) throw new IllegalArgumentException("thresholds must be non-null");
        if (alarm == null) throw new IllegalArgumentException("alarm must be non-null");
        if (risk == null) throw new IllegalArgumentException("risk must be non-null");
        if (warningRisk == null) throw new IllegalArgumentException("warningRisk must be non-null");
        features = List.copyOf(features);
        training = Map.copyOf(training);
    }

    /** The warning horizon of a model that names none (files before calibration): three horizons, as Ceph's 2 and 6 weeks. */
    public static int defaultWarningDays(int horizonDays) {
        return 3 * horizonDays;
    }
}
