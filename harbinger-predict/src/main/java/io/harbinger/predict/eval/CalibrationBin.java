package io.harbinger.predict.eval;

/**
 * One row of the calibration table: the drive-days whose probability is in {@code [from, to)} (the last
 * bin includes 1), the mean probability of its judged days against the share that failed within the horizon.
 */
public record CalibrationBin(double from, double to, boolean includesTo, Observed observed) {
    public CalibrationBin {
        if (!(from >= 0 && from < to && to <= 1)) throw new IllegalArgumentException("bin needs 0 <= from < to <= 1, was [" + from + ", " + to + ")");
        if (observed == null) throw new IllegalArgumentException("observed must be non-null");
    }

    /** {@code [0.05, 0.2)} or {@code [0.2, 1]}. */
    public String label() {
        return "[" + number(from) + ", " + number(to) + (includesTo ? "]" : ")");
    }

    private static String number(double v) {
        String text = Double.toString(v);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
