package io.harbinger.predict.eval;

/**
 * A 95% bootstrap interval of one figure: {@code lo <= hi}, or both {@code NaN} when the figure was
 * undefined in every resample (e.g. a recall without failed drives).
 */
public record Interval(double lo, double hi) {
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public Interval {
        boolean undefined = Double.isNaN(lo) && Double.isNaN(hi);
        if (!undefined && !(lo <= hi)) throw new IllegalArgumentException("interval needs lo <= hi (or both NaN), was [" + lo + ", " + hi + "]");
    }

    public boolean isDefined() {
        return !Double.isNaN(lo);
    }

    /** Whether {@code value} lies in {@code [lo, hi]}; false when undefined. */
    public boolean contains(double value) {
        return value >= lo && value <= hi;
    }

    public double width() {
        return hi - lo;
    }
}
