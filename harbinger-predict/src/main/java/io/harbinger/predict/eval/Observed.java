package io.harbinger.predict.eval;

/**
 * Drive-days of one row of the reliability or calibration table and what became of their drives.
 *
 * @param driveDays       all drive-days of the row
 * @param censoredDays    drive-days left out: their window runs past the period's last day (see {@link Reliability})
 * @param judgedDays      {@code driveDays - censoredDays}
 * @param failedWithin    judged drive-days whose drive failed within the window
 * @param meanProbability the mean model probability over the judged days ({@code NaN} without one)
 */
public record Observed(int driveDays, int censoredDays, int judgedDays, int failedWithin, double meanProbability) {
    public Observed {
        if (censoredDays < 0 || judgedDays < 0 || driveDays != censoredDays + judgedDays) {
            throw new IllegalArgumentException("driveDays must be censoredDays + judgedDays, both >= 0, was " + driveDays + " = " + censoredDays + " + " + judgedDays);
        }
        if (failedWithin < 0 || failedWithin > judgedDays) throw new IllegalArgumentException("failedWithin must be in 0..judgedDays (" + judgedDays + "), was " + failedWithin);
    }

    /** The observed share: failedWithin / judgedDays; {@code NaN} without a judged day. */
    public double share() {
        return Metrics.ratio(failedWithin, judgedDays);
    }

    /** Adds drive-days as they come. */
    static final class Tally {
        private int censored, judged, failed;
        private double sumProbability;

        void add(double probability, boolean failedWithin, boolean censoredDay) {
            if (censoredDay) {
                censored++;
                return;
            }
            judged++;
            if (failedWithin) failed++;
            sumProbability += probability;
        }

        Observed observed() {
            return new Observed(censored + judged, censored, judged, failed, judged == 0 ? Double.NaN : sumProbability / judged);
        }
    }
}
