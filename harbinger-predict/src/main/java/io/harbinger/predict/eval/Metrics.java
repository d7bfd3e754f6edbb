package io.harbinger.predict.eval;

/**
 * Drive-level counts of one predictor (the model at a threshold, or the SMART rule) over a fleet.
 * The definitions are on {@link Evaluation}. Rates are {@code NaN} when their denominator is 0.
 *
 * @param drives      all drives, {@code failed + healthy}
 * @param failed      drives with a failure day in the period
 * @param healthy     the other drives (including decommissioned ones)
 * @param recalled    failed drives flagged on at least one day of their window
 * @param falseAlarms healthy drives flagged on at least one day of the period
 * @param earlyOnly   failed drives flagged only before their window (neither recalled nor false alarms)
 * @param leadTimes   the lead times of the recalled drives
 */
public record Metrics(int drives, int failed, int healthy, int recalled, int falseAlarms, int earlyOnly, LeadTimes leadTimes) {
    public Metrics {
        if (failed < 0 || healthy < 0 || drives != failed + healthy) {
            throw new IllegalArgumentException("drives must be failed + healthy with both >= 0, was " + drives + " = " + failed + " + " + healthy);
        }
        if (recalled < 0 || earlyOnly < 0 || recalled + earlyOnly > failed) {
            throw new IllegalArgumentException("recalled + earlyOnly must be in 0..failed (" + failed + "), was " + recalled + " + " + earlyOnly);
        }
        if (falseAlarms < 0 || falseAlarms > healthy) {
            throw new IllegalArgumentException("falseAlarms must be in 0..healthy (" + healthy + "), was " + falseAlarms);
        }
        if (leadTimes == null || leadTimes.count() != recalled) {
            throw new IllegalArgumentException("there must be one lead time per recalled drive (" + recalled + "), was " + (leadTimes == null ? "null" : leadTimes.count()));
        }
    }

    /** recalled / failed. */
    public double recall() {
        return ratio(recalled, failed);
    }

    /** falseAlarms / healthy. */
    public double falseAlarmRate() {
        return ratio(falseAlarms, healthy);
    }

    /** recalled / (recalled + falseAlarms); early-only drives count in neither. */
    public double precision() {
        return ratio(recalled, recalled + falseAlarms);
    }

    /** Failed drives not recalled (early-only ones included). */
    public int missed() {
        return failed - recalled;
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
