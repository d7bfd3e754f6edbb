package io.harbinger.predict.model;


/**
 * Platt scaling of a score into a risk: {@code risk = 1 / (1 + exp(-(a * logit(s) + b)))}, with the
 * score {@code s} clamped to {@code [1e-7, 1 - 1e-7]}. {@code a > 0}: the map is strictly increasing, so
 * the ordering of scores, thus every threshold choice made on them, is preserved; only what a number
 * means changes. {@link #IDENTITY} returns the score itself, exactly (the formula's round trip through
 * the logit would move its last bits and clamp it), so a model without a calibration scores as before.
 *
 * <p>The arithmetic uses {@link StrictMath}: the same inputs give the same bits on every JVM and in
 * interpreted as in compiled code, so a risk computed offline equals the stream's.
 */
public record Calibration(double a, double b) {
    public static final Calibration IDENTITY = new Calibration(1, 0);
    /** Scores are clamped to {@code [EPSILON, 1 - EPSILON]} before their logit. */
    public static final double EPSILON = 1e-7;
    static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-7;

    public Calibration {
        if (!(a > 0) || Double.isInfinite(a)) throw new IllegalArgumentException("calibration slope a must be finite and > 0 (order-preserving), was " + a);
        if (!Double.isFinite(b)) throw new IllegalArgumentException("calibration intercept b must be finite, was " + b);
    }

    /** The calibrated risk of {@code score} (a probability, 0..1), in (0, 1) (the score itself for {@link #IDENTITY}). */
    public double risk(double score) {
        if (a == 1 && b == 0) return score;
        return sigmoid(a * logit(score) + b);
    }

    static double logit(double score) {
        double s = Math.min(1 - EPSILON, Math.max(EPSILON, score));
        return StrictMath.log(s / (1 - s));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + StrictMath.exp(-z));
    }

    /**
     * The maximum-likelihood (a, b) of {@code P(outcome | score) = risk(score)}: weighted logistic
     * regression of the outcomes on {@code logit(score)}, by Newton's method (IRLS) with step halving,
     * from {@code a = 0} and {@code b} = the weighted base rate's logit.
     *
     * @param weights per row, finite and >= 0 (e.g. the inverse of a negative-sampling rate)
     * @throws IllegalArgumentException on inputs of different lengths, a score outside [0, 1], a bad
     *                                  weight, or outcomes of only one kind (by weight)
     * @throws FitException             when the fit does not converge (the scores separate the outcomes:
     *                                  the slope grows without bound) or gives {@code a <= 0} (the scores
     *                                  rank outcomes no better than chance, or inversely)
     */
    public static Calibration fit(double[] scores, boolean[] outcomes, double[] weights) {
        double[] x = checkedLogits(scores, outcomes, weights);
        double a = 0;
        double b = baseRateLogit(outcomes, weights);
        double likelihood = logLikelihood(x, outcomes, weights, a, b);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] step = newtonStep(x, outcomes, weights, a, b);
            if (Math.abs(step[0]) <= TOLERANCE * (1 + Math.abs(a)) && Math.abs(step[1]) <= TOLERANCE * (1 + Math.abs(b))) {
                return fitted(a + step[0], b + step[1], iteration);
            }
            double scale = 1;
            double next = logLikelihood(x, outcomes, weights, a + step[0], b + step[1]);
            while (!(next >= likelihood)) { // halve the step until it does not lower the likelihood
                scale /= 2;
                if (scale < 1e-9) { // the log-likelihood is concave: no part of a small step raising it means (a, b) is its maximum up to rounding
                    if (Math.abs(step[0]) <= 1e-4 * (1 + Math.abs(a)) && Math.abs(step[1]) <= 1e-4 * (1 + Math.abs(b))) return fitted(a, b, iteration);
                    throw notConverging(a, b, iteration + " Newton steps, the last of which could not raise the likelihood");
                }
                next = logLikelihood(x, outcomes, weights, a + scale * step[0], b + scale * step[1]);
            }
            a += scale * step[0];
            b += scale * step[1];
            // at the optimum, rounding in sums over a million rows leaves a step of ~1e-8 that no longer
            // raises the likelihood: (a, b) is the maximum as far as the arithmetic can tell
            // (on separated outcomes the steps stay large while the likelihood's gains vanish: not this case)
            boolean small = Math.abs(step[0]) <= 1e-4 * (1 + Math.abs(a)) && Math.abs(step[1]) <= 1e-4 * (1 + Math.abs(b));
            if (small && next - likelihood <= 1e-12 * Math.abs(likelihood)) return fitted(a, b, iteration);
            likelihood = next;
        }
        throw notConverging(a, b, MAX_ITERATIONS + " Newton steps");
    }

    private static FitException notConverging(double a, double b, String after) {
        return new FitException("Platt fit did not converge after " + after + " (a = " + a + ", b = " + b
                + "): the scores separate the outcomes, so the slope grows without bound");
    }

    private static Calibration fitted(double a, double b, int iterations) {
        if (!(a > 0)) {
            throw new FitException("Platt fit gives a = " + a + " <= 0 (b = " + b + ", after " + iterations
                    + " Newton steps): the scores rank outcomes no better than chance or inversely; a calibration must preserve their order");
        }
        return new Calibration(a, b);
    }

    private static double[] checkedLogits(double[] scores, boolean[] outcomes, double[] weights) {
        if (scores.length != outcomes.length || scores.length != weights.length) {
            throw new IllegalArgumentException("scores, outcomes and weights must have one length, were " + scores.length + ", " + outcomes.length + ", " + weights.length);
        }
        double positive = 0, negative = 0;
        double[] x = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) throw new IllegalArgumentException("score " + i + " must be in [0, 1], was " + scores[i]);
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, was " + weights[i]);
            if (outcomes[i]) positive += weights[i];
            else negative += weights[i];
            x[i] = logit(scores[i]);
        }
        if (positive == 0 || negative == 0) {
            throw new IllegalArgumentException("a calibration needs both outcomes with weight > 0, had " + positive + " positive and " + negative + " negative");
        }
        return x;
    }

    private static double baseRateLogit(boolean[] outcomes, double[] weights) {
        double positive = 0, total = 0;
        for (int i = 0; i < outcomes.length; i++) {
            total += weights[i];
            if (outcomes[i]) positive += weights[i];
        }
        return StrictMath.log(positive / (total - positive));
    }

    /** Newton's step for (a, b): H^-1 g of the weighted log-likelihood. */
    private static double[] newtonStep(double[] x, boolean[] y, double[] w, double a, double b) {
        double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] == 0) continue;
            double p = sigmoid(a * x[i] + b);
            double residual = w[i] * ((y[i] ? 1 : 0) - p);
            double curvature = w[i] * p * (1 - p);
            ga += residual * x[i];
            gb += residual;
            haa += curvature * x[i] * x[i];
            hab += curvature * x[i];
            hbb += curvature;
        }
        double det = haa * hbb - hab * hab;
        if (!(det > 0)) {
            throw new FitException("Platt fit is singular at a = " + a + ", b = " + b + ": the scores do not vary, or they separate the outcomes so that every fitted probability is 0 or 1");
        }
        return new double[] {(hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det};
    }

    /** The weighted log-likelihood, computed stably: log(sigmoid(z)) = -log1p(exp(-z)). */
    private static double logLikelihood(double[] x, boolean[] y, double[] w, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] == 0) continue;
            double z = a * x[i] + b;
            double signed = y[i] ? z : -z;
            sum -= w[i] * (signed > 0 ? StrictMath.log1p(StrictMath.exp(-signed)) : -signed + StrictMath.log1p(StrictMath.exp(signed)));
        }
        return sum;
    }

    /** A calibration that cannot be fitted to the data given, with the reason. */
    public static final class FitException extends IllegalArgumentException {
        public FitException(String message) {
            super(message);
        }
    }
}
