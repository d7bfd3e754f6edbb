package io.harbinger.predict.eval;

/**
 * The model at the threshold that recalls the most failed drives while raising no more false alarms
 * than a baseline does on the same drives: its recall "at the baseline's false-alarm rate".
 *
 * @param threshold      the lowest drive score whose false alarms are within the budget;
 *                       {@code +Infinity} when even the highest score exceeds it (the model then flags nothing)
 * @param maxFalseAlarms the budget: the baseline's false alarms
 * @param recalled       failed drives the model recalls at {@code threshold}
 * @param falseAlarms    healthy drives the model flags at {@code threshold}, {@code <= maxFalseAlarms}
 * @param recall         recalled / failed drives ({@code NaN} without failed drives)
 * @param falseAlarmRate falseAlarms / healthy drives ({@code NaN} without healthy drives)
 */
public record OperatingPoint(double threshold, int maxFalseAlarms, int recalled, int falseAlarms, double recall, double falseAlarmRate) {
    public OperatingPoint {
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must be a number");
        if (recalled < 0 || falseAlarms < 0 || falseAlarms > maxFalseAlarms) {
            throw new IllegalArgumentException("need recalled >= 0 and 0 <= falseAlarms <= maxFalseAlarms (" + maxFalseAlarms + "), was " + recalled + " and " + falseAlarms);
        }
    }

    /** Whether the model flags no drive at this point (no drive score is within the budget). */
    public boolean flagsNothing() {
        return threshold == Double.POSITIVE_INFINITY;
    }
}
