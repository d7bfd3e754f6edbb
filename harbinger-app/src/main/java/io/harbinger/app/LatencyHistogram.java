package io.harbinger.app;

import io.harbinger.core.stats.BucketQuantile;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A cumulative latency histogram as Prometheus keeps one: {@code counts[i]} values at most {@code bounds[i]}
 * milliseconds, {@code total} values in all (those above the last bound included). The difference of two
 * readings is the histogram of what was recorded between them, so percentiles are of the last window, not
 * of everything since start.
 */
record LatencyHistogram(double[] bounds, double[] counts, double total) {
    static final LatencyHistogram EMPTY = new LatencyHistogram(new double[0], new double[0], 0);

    LatencyHistogram {
        if (bounds.length != counts.length) throw new IllegalArgumentException("a histogram needs one count per bound");
        bounds = bounds.clone();
        counts = counts.clone();
    }

    /** The sum of two histograms with the same bounds (one timer per endpoint); an empty one adds nothing. */
    LatencyHistogram plus(LatencyHistogram other) {
        if (other.bounds.length == 0) return this;
        if (bounds.length == 0) return other;
        if (!Arrays.equals(bounds, other.bounds)) throw new IllegalArgumentException("histograms with different bounds do not add");
        double[] sum = new double[counts.length];
        for (int i = 0; i < sum.length; i++) sum[i] = counts[i] + other.counts[i];
        return new LatencyHistogram(bounds, sum, total + other.total);
    }

    /** What was recorded since {@code earlier} (a reading of the same histogram taken before). */
    LatencyHistogram since(LatencyHistogram earlier) {
        if (earlier.bounds.length == 0) return this;
        if (!Arrays.equals(bounds, earlier.bounds)) return this; // a timer appeared between the readings: all of it is new
        double[] delta = new double[counts.length];
        for (int i = 0; i < delta.length; i++) delta[i] = Math.max(0, counts[i] - earlier.counts[i]);
        return new LatencyHistogram(bounds, delta, Math.max(0, total - earlier.total));
    }

    /**
     * The {@code q} quantile in milliseconds, linear within the bucket it falls in (as Prometheus'
     * {@code histogram_quantile}); the last bound when it lies above every bound; empty with nothing recorded.
     */
    OptionalDouble quantile(double q) {
        double v = BucketQuantile.of(q, bounds, counts, total);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
