package io.harbinger.predict.eval;

/**
 * Among the failed drives, how many showed any counter signal in the {@code windowDays} days before
 * their failure (the days d with {@code 0 <= F - d < windowDays} they have a scored day on).
 *
 * @param windowDays     the window, in days
 * @param failed         failed drives
 * @param nonZeroCounter failed drives with the SMART rule's flag (a counter above 0) on a day of the window
 * @param counterGrowth  failed drives with the delta rule's flag (a counter grew) on a day of the window
 * @param anySignal      failed drives with either
 * @param noSignal       {@code failed - anySignal}: no counter signal at all, which no predictor over these
 *                       counters can be expected to catch
 * @param noScoredDay    of {@code noSignal}, the drives without a scored day in the window at all
 */
public record CeilingRow(int windowDays, int failed, int nonZeroCounter, int counterGrowth, int anySignal, int noSignal, int noScoredDay) {
    public CeilingRow {
        if (windowDays < 1) throw new IllegalArgumentException("windowDays must be >= 1, was " + windowDays);
        if (anySignal < Math.max(nonZeroCounter, counterGrowth) || anySignal > nonZeroCounter + counterGrowth || anySignal > failed) {
            throw new IllegalArgumentException("anySignal must be in max..sum of nonZeroCounter and counterGrowth and <= failed, was " + anySignal);
        }
        if (noSignal != failed - anySignal || noScoredDay < 0 || noScoredDay > noSignal) {
            throw new IllegalArgumentException("noSignal must be failed - anySignal and noScoredDay in 0..noSignal, were " + noSignal + " and " + noScoredDay);
        }
    }

    /** anySignal / failed: the most a predictor over these counters can be expected to recall. */
    public double anySignalShare() {
        return Metrics.ratio(anySignal, failed);
    }

    /** noSignal / failed. */
    public double noSignalShare() {
        return Metrics.ratio(noSignal, failed);
    }
}
