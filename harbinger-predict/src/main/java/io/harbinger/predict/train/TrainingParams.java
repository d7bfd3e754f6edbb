package io.harbinger.predict.train;

import io.harbinger.predict.model.AlarmPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model is trained and its operating points chosen ({@code docs/adr/0011-prediction-protocol.md}
 * says why each default is what it is; the lever study measured them).
 *
 * @param horizonDays           the model predicts failure within this many days; {@code bad} means that risk
 * @param warningDays           {@code warning} means the risk of failing within this many days
 * @param split                 which drives are held out of training (they validate, and test by drive)
 * @param sampling              which healthy days train, with which weights
 * @param minChildWeight        XGBoost's min_child_weight: few positives need a floor on a leaf's weight
 * @param alarms                the alarm persistence policies tried on validation; the best is kept
 * @param maxFalseAlarmRate     the {@code bad} threshold is the lowest whose drive-level false-alarm rate on
 *                              the validation drives over the validation period is at most this
 * @param warningFalseAlarmRate the same for {@code warning} (its risk, its window)
 */
public record TrainingParams(int horizonDays, int warningDays, DriveSplit split, NegativeSampling sampling, int rounds, int maxDepth,
                             double eta, double minChildWeight, List<AlarmPolicy> alarms, double maxFalseAlarmRate,
                             double warningFalseAlarmRate, int minHistoryDays, int threads) {
    public static final List<AlarmPolicy> ALARMS = List.of(AlarmPolicy.SINGLE_DAY, new AlarmPolicy(2, 3), new AlarmPolicy(2, 7), new AlarmPolicy(3, 7));

    public static TrainingParams defaults() {
        return new TrainingParams(14, 42, DriveSplit.DEFAULT, new NegativeSampling(true, 5), 100, 3, 0.1, 5, ALARMS, 0.01, 0.05, 7, 2);
    }

    public TrainingParams {
        if (horizonDays < 1) throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizonDays);
        if (warningDays < horizonDays) throw new IllegalArgumentException("warningDays must be >= the horizon " + horizonDays + ", was " + warningDays);
        if (split == null || sampling == null) throw new IllegalArgumentException("split and sampling must be non-null");
        if (rounds < 1 || maxDepth < 1) throw new IllegalArgumentException("rounds and maxDepth must be >= 1");
        if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("eta must be in (0, 1], was " + eta);
        if (!(minChildWeight >= 0)) throw new IllegalArgumentException("minChildWeight must be >= 0, was " + minChildWeight);
        if (alarms == null || alarms.isEmpty()) throw new IllegalArgumentException("at least one alarm policy must be tried");
        alarms = List.copyOf(alarms);
        if (!(maxFalseAlarmRate > 0 && maxFalseAlarmRate < 1)) throw new IllegalArgumentException("maxFalseAlarmRate must be in (0, 1)");
        if (!(warningFalseAlarmRate >= maxFalseAlarmRate && warningFalseAlarmRate < 1)) {
            throw new IllegalArgumentException("warningFalseAlarmRate must be in [maxFalseAlarmRate, 1)");
        }
        if (minHistoryDays < 0 || threads < 1) throw new IllegalArgumentException("minHistoryDays must be >= 0 and threads >= 1");
    }

    public TrainingParams withHorizon(int horizonDays, int warningDays) {
        return new TrainingParams(horizonDays, warningDays, split, sampling, rounds, maxDepth, eta, minChildWeight, alarms, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
    }

    public TrainingParams withTrees(int rounds, int maxDepth, double eta, double minChildWeight) {
        return new TrainingParams(horizonDays, warningDays, split, sampling, rounds, maxDepth, eta, minChildWeight, alarms, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
    }

    public TrainingParams withSampling(NegativeSampling sampling) {
        return new TrainingParams(horizonDays, warningDays, split, sampling, rounds, maxDepth, eta, minChildWeight, alarms, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
    }

    public TrainingParams withAlarms(List<AlarmPolicy> alarms) {
        return new TrainingParams(horizonDays, warningDays, split, sampling, rounds, maxDepth, eta, minChildWeight, alarms, maxFalseAlarmRate, warningFalseAlarmRate, minHistoryDays, threads);
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
        p.put("min_child_weight", minChildWeight);
        p.put("seed", 42);
        p.put("nthread", threads);
        return p;
    }
}
