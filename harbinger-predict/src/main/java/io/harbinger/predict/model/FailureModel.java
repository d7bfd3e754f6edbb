package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.predict.feature.Features;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained failure model: gradient-boosted trees (XGBoost) over {@link Features}, with the thresholds
 * chosen on validation data and the horizon it predicts. Scores rows in batches (one native call per
 * batch) and explains each with its tree SHAP contributions. Thread-safe: scoring is serialised on the
 * booster. {@link #close()} frees the native booster.
 */
public final class FailureModel implements AutoCloseable {
    /** Contributions kept per prediction. */
    public static final int TOP_FEATURES = 3;

    private final ModelInfo info;
    private final Booster booster;

    FailureModel(ModelInfo info, Booster booster) {
        this.info = info;
        this.booster = booster;
    }

    public ModelInfo info() {
        return info;
    }

    public String version() {
        return info.version();
    }

    Booster booster() {
        return booster;
    }

    /**
     * Scores {@code rows} rows of features laid out one after the other in {@code features}
     * ({@link Features#COUNT} each, NaN for missing). Predictions in bucket {@link Bucket#WARNING} or
     * {@link Bucket#BAD} are explained by their top tree SHAP contributions; the others (good, unknown)
     * carry none: SHAP costs about 17 times the scoring itself (BENCHMARKS.md), and an operator asks
     * "why" of the drives that need action.
     *
     * @param historyDays per row, the drive's days of history (for {@link Bucket#UNKNOWN})
     */
    public List<Prediction> score(float[] features, int rows, long[] historyDays) {
        float[] probabilities = probabilities(features, rows);
        Bucket[] buckets = new Bucket[rows];
        int explained = 0;
        for (int r = 0; r < rows; r++) {
            buckets[r] = info.thresholds().bucket(probabilities[r], historyDays[r]);
            if (explains(buckets[r])) explained++;
        }
        float[][] contributions = contributions(features, rows, buckets, explained);
        List<Prediction> out = new ArrayList<>(rows);
        for (int r = 0, e = 0; r < rows; r++) {
            List<Contribution> top = explains(buckets[r]) ? top(contributions[e++], features, r * Features.COUNT) : List.of();
            out.add(new Prediction(info.version(), probabilities[r], buckets[r], top));
        }
        return out;
    }

    private static boolean explains(Bucket b) {
        return b == Bucket.WARNING || b == Bucket.BAD;
    }

    /** Tree SHAP values of the explained rows, in row order. */
    private float[][] contributions(float[] features, int rows, Bucket[] buckets, int explained) {
        if (explained == 0) return new float[0][];
        float[] selected = new float[explained * Features.COUNT];
        for (int r = 0, e = 0; r < rows; r++) {
            if (explains(buckets[r])) System.arraycopy(features, r * Features.COUNT, selected, e++ * Features.COUNT, Features.COUNT);
        }
        return onMatrix(selected, explained, "explain", m -> booster.predictContrib(m, 0));
    }

    /**
     * Only the probabilities of {@code rows} rows (no explanations): what {@link #score} says of them,
     * bit for bit. For offline evaluation.
     */
    public float[] probabilities(float[] features, int rows) {
        if (rows == 0) return new float[0];
        if (features.length < rows * Features.COUNT) throw new IllegalArgumentException(rows + " rows need " + rows * Features.COUNT + " values, got " + features.length);
        float[][] p = onMatrix(features, rows, "score", booster::predict);
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) out[r] = p[r][0];
        return out;
    }

    /** One native call of XGBoost on a matrix of the rows. */
    @FunctionalInterface
    private interface MatrixCall {
        float[][] apply(DMatrix matrix) throws XGBoostError;
    }

    /** Runs {@code call} on a matrix of {@code rows} rows of {@code features}, serialised on the booster; the matrix is freed after. */
    private synchronized float[][] onMatrix(float[] features, int rows, String what, MatrixCall call) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(features, rows, Features.COUNT, Float.NaN);
            return call.apply(matrix);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not " + what + " " + rows + " rows: " + e.getMessage(), e);
        } finally {
            if (matrix != null) matrix.dispose();
        }
    }

    /**
     * The {@link #TOP_FEATURES} largest contributions by magnitude (the bias term, last, excluded); ties by
     * feature order. Each carries the feature's value scored: {@code features[offset + f]} (NaN when missing).
     */
    static List<Contribution> top(float[] contributions, float[] features, int offset) {
        List<Contribution> all = new ArrayList<>(Features.COUNT);
        for (int f = 0; f < Features.COUNT; f++) {
            if (contributions[f] != 0) all.add(new Contribution(Features.NAMES.get(f), contributions[f], features[offset + f]));
        }
        all.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution())));
        return all.size() > TOP_FEATURES ? List.copyOf(all.subList(0, TOP_FEATURES)) : List.copyOf(all);
    }

    @Override
    public synchronized void close() {
        booster.dispose();
    }
}
