package io.harbinger.simulate.fit;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetParameters;

import java.util.Arrays;

/** What the fitting keeps of one drive while the days stream by (package-private working state of {@link FleetFit}). */
final class DriveTrack {
    static final int COUNTERS = SmartAttribute.RULE_COUNTERS.size();
    static final int RING = 30;
    /** Usage deltas and power-on samples are kept on every {@code SAMPLE_EVERY}-th day only, to bound memory. */
    static final int SAMPLE_EVERY = 5;

    final long firstDay;
    final double[] first;
    long lastDay;
    double[] last;
    int rows;
    boolean failed;

    final int[] nonZeroRows = new int[COUNTERS];
    final int[] zeroPairs = new int[COUNTERS];
    final int[] zeroGrow = new int[COUNTERS];
    final int[] nonZeroPairs = new int[COUNTERS];
    final int[] nonZeroGrow = new int[COUNTERS];
    final int[] nonZeroShrink = new int[COUNTERS];
    /** Per counter and rise state ({@link FleetParameters#riseState}): consecutive day pairs, and those on which it rose. */
    final int[][] stateDays = new int[COUNTERS][FleetParameters.RISE_STATES];
    final int[][] stateRises = new int[COUNTERS][FleetParameters.RISE_STATES];
    long lastRiseDay = Long.MIN_VALUE / 2;
    final DoubleList[] growth = new DoubleList[COUNTERS];
    final DoubleList[] shrinkFraction = new DoubleList[COUNTERS];
    final DoubleList powerOnPerDay = new DoubleList(8);
    final DoubleList powerOnSample = new DoubleList(8);
    final DoubleList[] usageDeltas = new DoubleList[FleetFit.USAGE.size()];
    final DoubleList temperatures = new DoubleList(16);

    /** The last {@link #RING} readings' error counters and days, oldest at {@code ringStart}. */
    final double[][] ringValues = new double[RING][];
    final long[] ringDays = new long[RING];
    int ringCount;
    int ringNext;

    DriveTrack(DriveDay row) {
        firstDay = row.day();
        first = row.values().clone();
        for (int u = 0; u < usageDeltas.length; u++) usageDeltas[u] = new DoubleList(8);
    }

    static double counter(double[] values, int i) {
        double v = values[SmartAttribute.RULE_COUNTERS.get(i).slot()];
        return Double.isNaN(v) ? 0 : v;
    }

    void remember(DriveDay row) {
        double[] c = new double[COUNTERS];
        for (int i = 0; i < COUNTERS; i++) c[i] = counter(row.values(), i);
        ringValues[ringNext] = c;
        ringDays[ringNext] = row.day();
        ringNext = (ringNext + 1) % RING;
        ringCount = Math.min(RING, ringCount + 1);
    }

    /** The error counters of the newest remembered reading on or before {@code day}, else of the oldest remembered. */
    double[] countersAtOrBefore(long day) {
        double[] best = null;
        long bestDay = Long.MIN_VALUE;
        double[] oldest = null;
        long oldestDay = Long.MAX_VALUE;
        for (int i = 0; i < ringCount; i++) {
            long d = ringDays[i];
            if (d <= day && d > bestDay) {
                bestDay = d;
                best = ringValues[i];
            }
            if (d < oldestDay) {
                oldestDay = d;
                oldest = ringValues[i];
            }
        }
        return Arrays.copyOf(best != null ? best : oldest, COUNTERS);
    }
}
