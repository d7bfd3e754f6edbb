package io.harbinger.simulate.fleet;

import java.util.Arrays;
import java.util.List;

/**
 * An empirical distribution kept as its values at the fixed probabilities {@link #PROBABILITIES}
 * (denser in the tails, where SMART counters live), sampled by inverse transform with linear
 * interpolation between neighbouring quantiles.
 */
public record Quantiles(double[] values) {
    /** The probabilities every quantile set is taken at. */
    public static final List<Double> PROBABILITIES = List.of(0.0, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3,
            0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 1.0);
    private static final double[] P = PROBABILITIES.stream().mapToDouble(Double::doubleValue).toArray();

    public Quantiles {
        if (values == null || values.length != P.length) throw new IllegalArgumentException("a quantile set holds " + P.length + " values");
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] >= values[i - 1])) throw new IllegalArgumentException("quantiles must be non-decreasing and finite: " + Arrays.toString(values));
        }
    }

    /** All mass at {@code v}. */
    public static Quantiles constant(double v) {
        double[] values = new double[P.length];
        Arrays.fill(values, v);
        return new Quantiles(values);
    }

    /** The quantiles of {@code sample} (sorted here; linear interpolation between order statistics); empty gives {@code fallback}. */
    public static Quantiles of(double[] sample, double fallback) {
        if (sample.length == 0) return constant(fallback);
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double[] values = new double[P.length];
        for (int i = 0; i < P.length; i++) values[i] = at(sorted, P[i]);
        return new Quantiles(values);
    }

    private static double at(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** The value at probability {@code u} in [0, 1]. */
    public double sample(double u) {
        int i = Arrays.binarySearch(P, u);
        if (i >= 0) return values[i];
        int hi = -i - 1;
        if (hi <= 0) return values[0];
        if (hi >= P.length) return values[P.length - 1];
        int lo = hi - 1;
        return values[lo] + (values[hi] - values[lo]) * (u - P[lo]) / (P[hi] - P[lo]);
    }

    /** The median. */
    public double median() {
        return sample(0.5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantiles q && Arrays.equals(values, q.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Quantiles" + Arrays.toString(values);
    }
}
