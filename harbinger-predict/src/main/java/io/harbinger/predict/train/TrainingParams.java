package io.harbinger.predict.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model is trained. Healthy drive-days outnumber failing ones about 500 to 1, so only one in
 * {@code negativeKeepEvery} negative rows is kept (chosen by a hash of drive and day, reproducibly) and
 * weighted by that factor: the probabilities stay calibrated to the whole population.
 *
 * @param warmupDays days before the period read only to build history (as evaluation does)
 * @param maxFalseAlarmRate the alert threshold is the lowest whose drive-level false-alarm rate on the
 *                          validation drives is at most this
 * @param warningFalseAlarmRate the same for the warning threshold
 */
public record TrainingParams(int horizonDays, int warmupDays, DriveSplit split, int negativeKeepEvery, int rounds, int maxDepth, double eta,
                             double maxFalseAlarmRate, double warningFalseAlarmRate, int minHistoryDays, int threads) {
    public static TrainingParams defaults(int horizonDays) {
        return new TrainingParams(horizonDays, 30, DriveSplit.DEFAULT, 10, 100, 3, 0.1, 0.01, 0.05, 7, 2);
    }

    public TrainingParams {
        if (horizonDays < 1) throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizonDays);
        if (warmupDays < 0) throw new IllegalArgumentException("warmupDays must be >= 0, was " + warmupDays);
        if (negativeKeepEvery < 1) throw new IllegalArgumentException("negativeKeepEvery must be >= 1, was " + negativeKeepEvery);
        if (rounds < 1 || maxDepth < 1) throw new IllegalArgumentException("rounds and maxDepth must be >= 1");
        if (!(maxFalseAlarmRate > 0 && maxFalseAlarmRate < 1)) throw new IllegalArgumentException("maxFalseAlarmRate must be in (0, 1)");
        if (!(warningFalseAlarmRate >= maxFalseAlarmRate && warningFalseAlarmRate < 1)) {
            throw new IllegalArgumentException("warningFalseAlarmRate must be in [maxFalseAlarmRate, 1)");
        }
    }

    public TrainingParams withWarmupDays(int days) {
        return new TrainingParams(horizonDays, days, split, negativeKeepEvery, rounds, maxDepth, eta, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
    }

    public TrainingParams withTrees(int rounds, int maxDepth, double eta) {
        return new TrainingParams(horizonDays, warmupDays, split, negativeKeepEvery, rounds, maxDepth, eta, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
    }

    public TrainingParams withNegativeKeepEvery(int every) {
        return new TrainingParams(horizonDays, warmupDays, split, every, rounds, maxDepth, eta, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
    }

    /** XGBoost's parameters: logistic loss, histogram trees, fixed seed and thread count (reproducible). */
    Map<String, Object> booster() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "aucpr");
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("min_child_weight", 1.0);
        p.put("seed", 42);
        p.put("nthread", threads);
        return p;
    }
}
