package io.harbinger.predict.eval;

import java.util.List;

/** Choosing the model's alert threshold. Use validation data, never the test data it is then evaluated on. */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * The lowest threshold whose drive-level false-alarm rate on {@code validation} is {@code <= maxFalseAlarmRate}:
     * the threshold that recalls the most failed drives within that false-alarm budget. The candidates are
     * the distinct drive scores of the PR curve (see {@link Evaluation}); between two of them the flagged
     * drives do not change. When even the highest score exceeds the budget, the result is just above it
     * (the model then flags no validation drive).
     *
     * @throws IllegalArgumentException when {@code validation} is empty or holds a drive twice, holds no
     *                                  healthy drive, or no drive score (no healthy drive with a scored day and no failed drive
     *                                  with one in its window), {@code horizonDays < 1}, or
     *                                  {@code maxFalseAlarmRate} is not in 0..1
     */
    public static double forFalseAlarmRate(List<DriveScores> validation, int horizonDays, double maxFalseAlarmRate) {
        DriveLevel.requireFleet(validation, horizonDays);
        if (!(maxFalseAlarmRate >= 0 && maxFalseAlarmRate <= 1)) {
            throw new IllegalArgumentException("maxFalseAlarmRate must be in 0..1, was " + maxFalseAlarmRate);
        }
        if (validation.stream().allMatch(DriveScores::hasFailed)) {
            throw new IllegalArgumentException("validation must hold at least one healthy drive to measure a false-alarm rate, all " + validation.size() + " failed");
        }
        List<PrPoint> curve = PrCurves.curve(validation, horizonDays);
        if (curve.isEmpty()) throw new IllegalArgumentException("validation has no drive score: no healthy drive has a scored day and no failed drive one in its window");
        return lowestWithin(curve, maxFalseAlarmRate);
    }

    /** The false-alarm rate only grows as the threshold falls, so the last point within budget is the lowest. */
    private static double lowestWithin(List<PrPoint> curve, double maxFalseAlarmRate) {
        double chosen = Math.nextUp(curve.getFirst().threshold());
        for (PrPoint p : curve) {
            if (p.falseAlarmRate() > maxFalseAlarmRate) break;
            chosen = p.threshold();
        }
        return chosen;
    }
}
