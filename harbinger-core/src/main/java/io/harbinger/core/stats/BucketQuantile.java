package io.harbinger.core.stats;

/** A quantile of a cumulative bucketed histogram, as Prometheus' {@code histogram_quantile} computes it. Pure. */
public final class BucketQuantile {
    private BucketQuantile() {
    }

    /**
     * The {@code q} quantile, linear within the bucket it falls in; the last bound when it lies above every
     * bound; NaN with nothing observed or no bound.
     *
     * @param bounds     finite upper bounds, ascending
     * @param cumulative {@code cumulative[i]}: observations at most {@code bounds[i]}
     * @param total      every observation, those above the last bound included
     */
    public static double of(double q, double[] bounds, double[] cumulative, double total) {
        if (q < 0 || q > 1) throw new IllegalArgumentException("a quantile lies in [0, 1], not " + q);
        if (bounds.length != cumulative.length) throw new IllegalArgumentException("one cumulative count per bound");
        if (total <= 0 || bounds.length == 0) return Double.NaN;
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank && cumulative[i] > lowerCount) {
                return lowerBound + (bounds[i] - lowerBound) * (rank - lowerCount) / (cumulative[i] - lowerCount);
            }
            lowerBound = bounds[i];
            lowerCount = cumulative[i];
        }
        return bounds[bounds.length - 1];
    }
}
