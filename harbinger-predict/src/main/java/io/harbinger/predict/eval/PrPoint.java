package io.harbinger.predict.eval;

/**
 * One point of the drive-level precision-recall curve: what the model does at {@code threshold}, one of
 * the distinct drive scores. Rates are {@code NaN} when their denominator is 0 (no failed or no healthy drive).
 *
 * @param threshold       the drive score at which the point is taken; drives scoring {@code >=} it are flagged
 * @param truePositives   failed drives flagged
 * @param falsePositives  healthy drives flagged
 * @param recall          truePositives / failed drives
 * @param precision       truePositives / (truePositives + falsePositives)
 * @param falseAlarmRate  falsePositives / healthy drives
 */
public record PrPoint(double threshold, int truePositives, int falsePositives, double recall, double precision, double falseAlarmRate) {
    public PrPoint {
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must be a number");
        if (truePositives < 0 || falsePositives < 0 || truePositives + falsePositives == 0) {
            throw new IllegalArgumentException("a curve point flags at least one drive, was " + truePositives + " true and " + falsePositives + " false positives");
        }
    }
}
