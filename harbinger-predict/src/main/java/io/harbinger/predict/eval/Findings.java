package io.harbinger.predict.eval;

/**
 * Everything a report shows about one evaluation: its point figures, their bootstrap intervals, the
 * reliability of the buckets and the counters' ceiling.
 */
public record Findings(Evaluation evaluation, Intervals intervals, Reliability reliability, Ceiling ceiling) {
    public Findings {
        if (evaluation == null || intervals == null || reliability == null || ceiling == null) {
            throw new IllegalArgumentException("evaluation, intervals, reliability and ceiling must be non-null");
        }
    }

    /**
     * With {@value Bootstrap#DEFAULT_RESAMPLES} resamples and the default seed, and buckets judged over
     * {@value Reliability#DEFAULT_BAD_WITHIN_DAYS} (bad) and {@value Reliability#DEFAULT_WARNING_WITHIN_DAYS} days.
     */
    public static Findings of(Evaluation e) {
        return of(e, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, Reliability.DEFAULT_BAD_WITHIN_DAYS, Reliability.DEFAULT_WARNING_WITHIN_DAYS);
    }

    public static Findings of(Evaluation e, int resamples, long seed, int badWithinDays, int warningWithinDays) {
        if (e == null) throw new IllegalArgumentException("evaluation must be non-null");
        return new Findings(e, Bootstrap.intervals(e, resamples, seed), Reliability.of(e, badWithinDays, warningWithinDays), Ceiling.of(e));
    }
}
