package io.harbinger.predict.model;

import io.harbinger.predict.feature.Features;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Test models without the real data: tiny boosters trained on synthetic rows where failure follows
 * the first error counter (column 0) and temperature, with some values missing. Reproducible: the same
 * {@code seed} and {@code rounds} give the same model (and version).
 */
public final class TestModels {
    static final AlertThresholds THRESHOLDS = new AlertThresholds(0.6, 0.3, 7);
    static final int HORIZON = 10;

    private TestModels() {
    }

    /** {@code rows} synthetic feature rows, one after the other (10% of values missing). */
    static float[] rows(int rows, long seed) {
        Random random = new Random(seed);
        float[] out = new float[rows * Features.COUNT];
        for (int i = 0; i < out.length; i++) out[i] = random.nextInt(10) == 0 ? Float.NaN : random.nextInt(20);
        return out;
    }

    public static FailureModel model(long seed, int rounds) {
        return ModelFile.of(booster(seed, rounds), HORIZON, THRESHOLDS, Map.of("data", "synthetic seed " + seed));
    }

    public static FailureModel model() {
        return model(1, 10);
    }

    /**
     * {@code base}'s trees (a copy: {@code base} stays usable) under another alarm policy, calibrations
     * and thresholds: another model, with its own version. The raw probabilities are {@code base}'s.
     */
    public static FailureModel withAlarm(FailureModel base, int warningDays, AlertThresholds thresholds, AlarmPolicy alarm,
                                         Calibration risk, Calibration warningRisk) {
        try {
            Booster copy = XGBoost.loadModel(base.booster().toByteArray("ubj"));
            copy.setParam("nthread", 1);
            return ModelFile.of(copy, base.info().horizonDays(), warningDays, thresholds, alarm, risk, warningRisk, base.info().training());
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #model()}'s trees with a 2-of-3-days alarm, non-identity calibrations and thresholds on them. */
    static FailureModel calibrated() {
        try (FailureModel base = model()) {
            return withAlarm(base, 30, new AlertThresholds(0.5, 0.4, 7), new AlarmPolicy(2, 3), new Calibration(1.4, -0.3), new Calibration(0.8, 0.5));
        }
    }

    static Booster booster(long seed, int rounds) {
        int n = 400;
        float[] x = rows(n, seed);
        float[] y = new float[n];
        Random noise = new Random(seed + 1);
        int temperature = Features.NAMES.indexOf("temperature");
        for (int r = 0; r < n; r++) {
            float errors = x[r * Features.COUNT];
            float t = x[r * Features.COUNT + temperature];
            y[r] = (errors > 12 || t > 17 || noise.nextInt(20) == 0) ? 1 : 0;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 3);
        params.put("eta", 0.3);
        params.put("seed", 42);
        params.put("nthread", 1);
        try {
            DMatrix m = new DMatrix(x, n, Features.COUNT, Float.NaN);
            try {
                m.setLabel(y);
                return XGBoost.train(m, params, rounds, Map.of(), null, null);
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }
}
