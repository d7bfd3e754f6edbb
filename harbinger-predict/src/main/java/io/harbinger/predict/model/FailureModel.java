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
 * A trained failure model: gradient-boosted trees (XGBoost) over {@link Features}, with its alarm policy,
 * calibrations and thresholds chosen on validation data, and the horizons it predicts. What it says of a
 * drive on a day is one chain, the same offline and in the stream:
 * <ol>
 *   <li>the booster's raw probability of the day's features ({@link #probabilities}, one native call per batch);</li>
 *   <li>the persistence score over the drive's recent raw probabilities ({@link AlarmPolicy});</li>
 *   <li>the calibrated risks within the horizon and the warning horizon, and the bucket ({@link #assess});</li>
 *   <li>for {@link Bucket#WARNING} and {@link Bucket#BAD}, the top tree SHAP contributions ({@link #score}).</li>
 * </ol>
 * Offline code runs steps 2-3 for a drive's days with {@link #assessDays}; the stream with
 * {@link AlarmPolicy#record} per row and {@link #score}. Thread-safe: native calls are serialised on the
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
     * Step 3: the calibrated risk within the horizon of a day with this persistence score, and its bucket
     * (per {@link AlertThresholds}: bad on the horizon's risk, else unknown on short history, else warning
     * on the warning horizon's risk, else good).
     *
     * @param persistenceScore the day's {@link AlarmPolicy} score (the raw probability for {@link AlarmPolicy#SINGLE_DAY})
     * @param historyDays      the drive's days of history on that day
     */
    public Assessment assess(double persistenceScore, long historyDays) {
        double risk = info.risk().risk(persistenceScore);
        return new Assessment(risk, info.thresholds().bucket(risk, info.warningRisk().risk(persistenceScore), historyDays));
    }

    /**
     * Offline, steps 2-3 for one drive: the assessment of each of its days from their raw probabilities,
     * exactly what the stream says of the same days arriving in order.
     *
     * @param days        epoch days, strictly increasing
     * @param raw         the raw probability ({@link #probabilities}) of each day
     * @param historyDays the drive's days of history on each day
     */
    public Assessment[] assessDays(long[] days, double[] raw, long[] historyDays) {
        if (historyDays.length != days.length) throw new IllegalArgumentException(days.length + " days but " + historyDays.length + " history lengths");
        double[] scores = info.alarm().scores(days, raw);
        Assessment[] out = new Assessment[days.length];
        for (int i = 0; i < days.length; i++) out[i] = assess(scores[i], historyDays[i]);
        return out;
    }

    /**
     * Steps 3-4 for {@code rows} rows of features laid out one after the other in {@code features}
     * ({@link Features#COUNT} each, NaN for missing), given each row's persistence score. Predictions in
     * bucket {@link Bucket#WARNING} or {@link Bucket#BAD} are explained by their top tree SHAP
     * contributions; the others (good, unknown) carry none: SHAP costs about 17 times the scoring itself
     * (BENCHMARKS.md), and an operator asks "why" of the drives that need action.
     *
     * @param persistenceScores per row, its {@link AlarmPolicy} score ({@link AlarmPolicy#record})
     * @param historyDays       per row, the drive's days of history (for {@link Bucket#UNKNOWN})
     */
    public List<Prediction> score(float[] features, int rows, double[] persistenceScores, long[] historyDays) {
        checkRows(features, rows);
        Assessment[] assessed = new Assessment[rows];
        int explained = 0;
        for (int r = 0; r < rows; r++) {
            assessed[r] = assess(persistenceScores[r], historyDays[r]);
            if (explains(assessed[r].bucket())) explained++;
        }
        float[][] contributions = contributions(features, rows, assessed, explained);
        List<Prediction> out = new ArrayList<>(rows);
        for (int r = 0, e = 0; r < rows; r++) {
            Bucket bucket = assessed[r].bucket();
            List<Contribution> top = explains(bucket) ? top(contributions[e++], features, r * Features.COUNT) : List.of();
            out.add(new Prediction(info.version(), assessed[r].risk(), bucket, top));
        }
        return out;
    }

    private static boolean explains(Bucket b) {
        return b == Bucket.WARNING || b == Bucket.BAD;
    }

    /** Tree SHAP values of the explained rows, in row order. */
    private float[][] contributions(float[] features, int rows, Assessment[] assessed, int explained) {
        if (explained == 0) return new float[0][];
        float[] selected = new float[explained * Features.COUNT];
        for (int r = 0, e = 0; r < rows; r++) {
            if (explains(assessed[r].bucket())) System.arraycopy(features, r * Features.COUNT, selected, e++ * Features.COUNT, Features.COUNT);
        }
        return onMatrix(selected, explained, "explain", m -> booster.predictContrib(m, 0));
    }

    /**
     * Step 1: the booster's raw probabilities of {@code rows} rows (one native call), laid out as for
     * {@link #score}. Whatever the batch, a row's raw probability is the same, bit for bit.
     */
    public float[] probabilities(float[] features, int rows) {
        checkRows(features, rows);
        if (rows == 0) return new float[0];
        float[][] p = onMatrix(features, rows, "score", booster::predict);
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) out[r] = p[r][0];
        return out;
    }

    private static void checkRows(float[] features, int rows) {
        if (features.length < rows * Features.COUNT) throw new IllegalArgumentException(rows + " rows need " + rows * Features.COUNT + " values, got " + features.length);
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
