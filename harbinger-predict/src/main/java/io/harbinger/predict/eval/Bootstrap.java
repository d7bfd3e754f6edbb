package io.harbinger.predict.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * 95% intervals for an {@link Evaluation}'s figures by the bootstrap over drives: B times, draw as many
 * drives as the fleet has, with replacement (a drive drawn twice counts twice, as failed or healthy
 * drive, recalled or false alarm), and recompute every figure on that resample; the interval of a figure
 * is the 2.5th and 97.5th percentile of its B values (the percentile method; percentiles interpolate
 * linearly between closest ranks). Resamples in which a figure is undefined (e.g. no failed drive drawn)
 * are left out of that figure's interval.
 *
 * <p>Drives, not drive-days, are resampled because the figures are drive-level and a drive's days are
 * strongly dependent. The model's threshold stays fixed (it was chosen on validation data), but the
 * model's recall at a baseline's false-alarm rate recomputes, within each resample, the baseline's false
 * alarms and the model's threshold at them. The resampling is seeded so a report can be reproduced.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final long DEFAULT_SEED = 20_180_501L;
    private static final double LOW_PERCENTILE = 2.5, HIGH_PERCENTILE = 97.5;

    private Bootstrap() {
    }

    /** {@link #intervals(Evaluation, int, long)} with {@value #DEFAULT_RESAMPLES} resamples and the default seed. */
    public static Intervals intervals(Evaluation e) {
        return intervals(e, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    /** @throws IllegalArgumentException when {@code resamples < 1} */
    public static Intervals intervals(Evaluation e, int resamples, long seed) {
        if (e == null) throw new IllegalArgumentException("evaluation must be non-null");
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        FleetFacts facts = FleetFacts.of(e.drives(), e.horizonDays(), e.threshold());
        double[][] values = resample(facts, resamples, new SplittableRandom(seed));
        return new Intervals(resamples, seed,
                predictor(values, Figure.MODEL_RECALL), predictor(values, Figure.RULE_RECALL), predictor(values, Figure.DELTA_RECALL),
                interval(values[Figure.MODEL_RECALL_AT_RULE_FALSE_ALARM_RATE.ordinal()]),
                interval(values[Figure.MODEL_RECALL_AT_DELTA_FALSE_ALARM_RATE.ordinal()]),
                interval(values[Figure.RECALL_GAIN_OVER_DELTA_RULE.ordinal()]));
    }

    /** {@code values[figure][b]}: the figure's value in resample b. */
    private static double[][] resample(FleetFacts facts, int resamples, SplittableRandom random) {
        int n = facts.drives();
        double[][] values = new double[Figure.COUNT][resamples];
        int[] weight = new int[n];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(weight, 0);
            for (int k = 0; k < n; k++) weight[random.nextInt(n)]++;
            double[] figures = facts.figures(weight);
            for (int f = 0; f < Figure.COUNT; f++) values[f][b] = figures[f];
        }
        return values;
    }

    /** The four figures starting at {@code recall} (recall, false-alarm rate, precision, median lead time). */
    private static PredictorIntervals predictor(double[][] values, Figure recall) {
        int at = recall.ordinal();
        return new PredictorIntervals(interval(values[at]), interval(values[at + 1]), interval(values[at + 2]), interval(values[at + 3]));
    }

    static Interval interval(double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) return Interval.UNDEFINED;
        return new Interval(percentile(defined, LOW_PERCENTILE), percentile(defined, HIGH_PERCENTILE));
    }

    /** Of sorted values, linear interpolation between closest ranks (as {@link LeadTimes#percentile}). */
    private static double percentile(double[] sorted, double p) {
        double rank = (sorted.length - 1) * p / 100;
        int below = (int) Math.floor(rank), above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
