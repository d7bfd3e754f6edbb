package io.harbinger.simulate.fit;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.FleetParameters.ErrorCounter;
import io.harbinger.simulate.fleet.FleetParameters.Healthy;
import io.harbinger.simulate.fleet.FleetParameters.Observed;
import io.harbinger.simulate.fleet.FleetParameters.Temperature;
import io.harbinger.simulate.fleet.FleetParameters.Trajectory;
import io.harbinger.simulate.fleet.FleetParameters.Usage;
import io.harbinger.simulate.fleet.Quantiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.harbinger.simulate.fit.DriveTrack.COUNTERS;

/**
 * Fits {@link FleetParameters} from drive-days: pure (rows in, parameters out), deterministic (the same
 * rows in the same order give equal parameters). Feed every day's rows in day order with {@link #add},
 * then take {@link #result}.
 *
 * <ul>
 *   <li>Healthy drives are those that never fail in the data; their first-day values give the starting
 *       distributions, their consecutive days the daily growth.</li>
 *   <li>A failed drive's last {@value FleetParameters#TRAJECTORY_DAYS} days of error counters become one
 *       trajectory (no serial number, no date).</li>
 *   <li>The failure hazard is failures per drive-day over all rows.</li>
 * </ul>
 */
public final class FleetFit {
    static final List<SmartAttribute> USAGE = List.of(SmartAttribute.LOAD_CYCLE_COUNT, SmartAttribute.TOTAL_LBAS_WRITTEN,
            SmartAttribute.TOTAL_LBAS_READ);
    private static final int POH = SmartAttribute.POWER_ON_HOURS.slot();
    private static final int TEMP = SmartAttribute.TEMPERATURE.slot();
    private static final int GREW_WINDOW = 14;
    private static final int MIN_USAGE_SPAN_DAYS = 7;
    private static final double MIRROR_SHARE = 0.99;
    private static final int MIN_MIRROR_ROWS = 20;

    private record Failure(long day, String serial, Trajectory trajectory) {
    }

    private final Map<String, DriveTrack> tracks = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private long firstDay = Long.MAX_VALUE;
    private long lastDay = Long.MIN_VALUE;
    private long driveDays;
    private int failedWith14d;
    private int failedGrew14d;
    private int failedNonZeroAtEnd;
    /** Per pair of error counters (i &lt; j): rows where either is above 0, and of those the rows where both are equal. */
    private final long[][] eitherNonZero = new long[COUNTERS][COUNTERS];
    private final long[][] equalNonZero = new long[COUNTERS][COUNTERS];

    /** One day's rows (any order within the day; days in order). */
    public void add(List<DriveDay> rows) {
        for (DriveDay row : rows) add(row);
    }

    public void add(DriveDay row) {
        firstDay = Math.min(firstDay, row.day());
        lastDay = Math.max(lastDay, row.day());
        driveDays++;
        DriveTrack t = tracks.get(row.serial());
        if (t == null) {
            t = new DriveTrack(row);
            tracks.put(row.serial(), t);
        } else {
            if (row.day() <= t.lastDay) throw new IllegalArgumentException("drive " + row.serial() + ": day " + LocalDate.ofEpochDay(row.day()) + " after day " + LocalDate.ofEpochDay(t.lastDay) + ": feed days in order");
            if (row.day() == t.lastDay + 1) pair(t, t.last, row);
        }
        t.rows++;
        for (int i = 0; i < COUNTERS; i++) if (DriveTrack.counter(row.values(), i) > 0) t.nonZeroRows[i]++;
        pairs(row.values());
        double temp = row.values()[TEMP];
        if (!Double.isNaN(temp)) t.temperatures.add(temp);
        double poh = row.values()[POH];
        if (!Double.isNaN(poh) && row.day() % DriveTrack.SAMPLE_EVERY == 0) t.powerOnSample.add(poh);
        t.remember(row);
        t.last = row.values().clone();
        t.lastDay = row.day();
        if (row.failure() && !t.failed) failed(row, t);
    }

    private void pairs(double[] values) {
        for (int i = 0; i < COUNTERS; i++) {
            double a = DriveTrack.counter(values, i);
            for (int j = i + 1; j < COUNTERS; j++) {
                double b = DriveTrack.counter(values, j);
                if (a > 0 || b > 0) {
                    eitherNonZero[i][j]++;
                    if (a == b) equalNonZero[i][j]++;
                }
            }
        }
    }

    /** Counter j mirrors the first counter i &lt; j it equals on at least {@value #MIRROR_SHARE} of the rows where either is above 0. */
    private Map<Integer, Integer> mirrors() {
        Map<Integer, Integer> mirrors = new TreeMap<>();
        for (int j = 0; j < COUNTERS; j++) {
            for (int i = 0; i < j; i++) {
                if (eitherNonZero[i][j] >= MIN_MIRROR_ROWS && equalNonZero[i][j] >= MIRROR_SHARE * eitherNonZero[i][j]) {
                    mirrors.put(SmartAttribute.RULE_COUNTERS.get(j).id(), SmartAttribute.RULE_COUNTERS.get(i).id());
                    break;
                }
            }
        }
        return mirrors;
    }

    /** Growth between two consecutive days of one drive. */
    private static void pair(DriveTrack t, double[] before, DriveDay row) {
        double[] now = row.values();
        for (int i = 0; i < COUNTERS; i++) {
            double a = DriveTrack.counter(before, i);
            double b = DriveTrack.counter(now, i);
            if (a == 0) {
                t.zeroPairs[i]++;
                if (b > 0) {
                    t.zeroGrow[i]++;
                    list(t.growth, i).add(b - a);
                }
            } else {
                t.nonZeroPairs[i]++;
                if (b > a) {
                    t.nonZeroGrow[i]++;
                    list(t.growth, i).add(b - a);
                } else if (b < a) {
                    t.nonZeroShrink[i]++;
                    list(t.shrinkFraction, i).add(b / a);
                }
            }
        }
        rise(t, before, now, row.day());
        double dPoh = now[POH] - before[POH];
        if (Double.isFinite(dPoh) && dPoh >= 0) t.powerOnPerDay.add(dPoh);
        if (row.day() % DriveTrack.SAMPLE_EVERY == 0) {
            for (int u = 0; u < USAGE.size(); u++) {
                int s = USAGE.get(u).slot();
                double d = now[s] - before[s];
                if (Double.isFinite(d) && d >= 0) t.usageDeltas[u].add(d);
            }
        }
    }

    /** Whether each error counter rose from one day to the next, counted under its rise state the day before. */
    private static void rise(DriveTrack t, double[] before, double[] now, long day) {
        boolean recent = day - 1 - t.lastRiseDay < FleetParameters.RECENT_RISE_DAYS;
        boolean any = false;
        for (int i = 0; i < COUNTERS; i++) {
            int state = FleetParameters.riseState(DriveTrack.counter(before, i) > 0, recent);
            t.stateDays[i][state]++;
            if (DriveTrack.counter(now, i) > DriveTrack.counter(before, i)) {
                t.stateRises[i][state]++;
                any = true;
            }
        }
        if (any) t.lastRiseDay = day;
    }

    private static DoubleList list(DoubleList[] lists, int i) {
        if (lists[i] == null) lists[i] = new DoubleList(4);
        return lists[i];
    }

    private void failed(DriveDay row, DriveTrack t) {
        t.failed = true;
        long end = row.day();
        int days = (int) Math.min(FleetParameters.TRAJECTORY_DAYS, end - t.firstDay + 1);
        long start = end - days + 1;
        double[] previous = t.countersAtOrBefore(start);
        long[] startValues = toLongs(previous);
        List<long[]> changes = new ArrayList<>();
        for (int k = 1; k < days; k++) {
            double[] v = t.countersAtOrBefore(start + k);
            for (int i = 0; i < COUNTERS; i++) {
                if (v[i] != previous[i]) changes.add(new long[]{k, i, (long) v[i]});
            }
            previous = v;
        }
        // only drives watched for the whole window give a trajectory: a shorter one would start the
        // simulated failure from an arbitrary healthy state
        failures.add(new Failure(end, row.serial(), days == FleetParameters.TRAJECTORY_DAYS ? new Trajectory(days, startValues, changes) : null));
        double[] atEnd = t.countersAtOrBefore(end);
        boolean anyAtEnd = false;
        for (double v : atEnd) anyAtEnd |= v > 0;
        if (anyAtEnd) failedNonZeroAtEnd++;
        if (t.firstDay <= end - GREW_WINDOW) {
            failedWith14d++;
            double[] before = t.countersAtOrBefore(end - GREW_WINDOW);
            for (int i = 0; i < COUNTERS; i++) {
                if (atEnd[i] > before[i]) {
                    failedGrew14d++;
                    break;
                }
            }
        }
    }

    private static long[] toLongs(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (long) v[i];
        return out;
    }

    /** The parameters of every row added so far. */
    public FleetParameters result(String source, String driveModel) {
        if (failures.isEmpty()) throw new IllegalArgumentException("the data holds no failed drive: nothing to learn failure trajectories from");
        List<DriveTrack> healthy = tracks.values().stream().filter(t -> !t.failed).toList();
        List<DriveTrack> firstDayHealthy = healthy.stream().filter(t -> t.firstDay == firstDay).toList();
        List<Trajectory> trajectories = failures.stream()
                .sorted(Comparator.comparingLong(Failure::day).thenComparing(Failure::serial))
                .map(Failure::trajectory).filter(java.util.Objects::nonNull).toList();
        return new FleetParameters(FleetParameters.FORMAT, source, driveModel, LocalDate.ofEpochDay(firstDay), LocalDate.ofEpochDay(lastDay),
                (double) failures.size() / driveDays, healthy(healthy, firstDayHealthy), trajectories, observed(healthy));
    }

    private Healthy healthy(List<DriveTrack> healthy, List<DriveTrack> firstDayHealthy) {
        double[] patterns = new double[1 << COUNTERS];
        for (DriveTrack t : firstDayHealthy) {
            int bits = 0;
            for (int i = 0; i < COUNTERS; i++) if (DriveTrack.counter(t.first, i) > 0) bits |= 1 << i;
            patterns[bits]++;
        }
        for (int p = 0; p < patterns.length; p++) patterns[p] /= Math.max(1, firstDayHealthy.size());
        List<ErrorCounter> counters = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) counters.add(counter(i, healthy, firstDayHealthy));
        DoubleList poh = new DoubleList(firstDayHealthy.size());
        DoubleList pohPerDay = new DoubleList(1 << 16);
        for (DriveTrack t : firstDayHealthy) if (Double.isFinite(t.first[POH])) poh.add(t.first[POH]);
        for (DriveTrack t : healthy) pohPerDay.addAll(t.powerOnPerDay);
        Map<Integer, Usage> usage = new TreeMap<>();
        for (int u = 0; u < USAGE.size(); u++) usage.put(USAGE.get(u).id(), usage(u, healthy, firstDayHealthy));
        return new Healthy(patterns, counters, Quantiles.of(poh.toArray(), 0), Quantiles.of(pohPerDay.toArray(), 24), usage, temperature(healthy), mirrors());
    }

    private static ErrorCounter counter(int i, List<DriveTrack> healthy, List<DriveTrack> firstDayHealthy) {
        DoubleList initial = new DoubleList(64);
        for (DriveTrack t : firstDayHealthy) if (DriveTrack.counter(t.first, i) > 0) initial.add(DriveTrack.counter(t.first, i));
        long[] days = new long[FleetParameters.RISE_STATES];
        long[] rises = new long[FleetParameters.RISE_STATES];
        long nzPairs = 0, nzShrink = 0;
        DoubleList growth = new DoubleList(64);
        DoubleList shrink = new DoubleList(16);
        for (DriveTrack t : healthy) {
            for (int s = 0; s < days.length; s++) {
                days[s] += t.stateDays[i][s];
                rises[s] += t.stateRises[i][s];
            }
            nzPairs += t.nonZeroPairs[i];
            nzShrink += t.nonZeroShrink[i];
            growth.addAll(t.growth[i]);
            shrink.addAll(t.shrinkFraction[i]);
        }
        double[] rise = new double[days.length];
        for (int s = 0; s < days.length; s++) rise[s] = ratio(rises[s], days[s]);
        return new ErrorCounter(Quantiles.of(initial.toArray(), 1), rise, Quantiles.of(growth.toArray(), 1), ratio(nzShrink, nzPairs),
                Quantiles.of(shrink.toArray(), 0));
    }

    private Usage usage(int u, List<DriveTrack> healthy, List<DriveTrack> firstDayHealthy) {
        int slot = USAGE.get(u).slot();
        DoubleList perHour = new DoubleList(firstDayHealthy.size());
        for (DriveTrack t : firstDayHealthy) {
            double v = t.first[slot] / t.first[POH];
            if (t.first[POH] > 0 && Double.isFinite(v)) perHour.add(v);
        }
        DoubleList rates = new DoubleList(healthy.size());
        DoubleList factors = new DoubleList(1 << 16);
        for (DriveTrack t : healthy) {
            long span = t.lastDay - t.firstDay;
            double rate = (t.last[slot] - t.first[slot]) / span;
            if (span < MIN_USAGE_SPAN_DAYS || !Double.isFinite(rate) || rate < 0) continue;
            rates.add(rate);
            if (rate > 0) for (int k = 0; k < t.usageDeltas[u].size(); k++) factors.add(t.usageDeltas[u].get(k) / rate);
        }
        return new Usage(Quantiles.of(perHour.toArray(), 0), Quantiles.of(rates.toArray(), 0), Quantiles.of(factors.toArray(), 1));
    }

    private static Temperature temperature(List<DriveTrack> healthy) {
        DoubleList means = new DoubleList(healthy.size());
        DoubleList deviations = new DoubleList(1 << 16);
        for (DriveTrack t : healthy) {
            if (t.temperatures.size() == 0) continue;
            double mean = mean(t.temperatures);
            means.add(mean);
            for (int k = 0; k < t.temperatures.size(); k += DriveTrack.SAMPLE_EVERY) deviations.add(t.temperatures.get(k) - mean);
        }
        return new Temperature(Quantiles.of(means.toArray(), 30), Quantiles.of(deviations.toArray(), 0));
    }

    private Observed observed(List<DriveTrack> healthy) {
        Map<Integer, Double> nonZero = new TreeMap<>();
        Map<Integer, Double> growth = new TreeMap<>();
        long rows = healthy.stream().mapToLong(t -> t.rows).sum();
        DoubleList poh = new DoubleList(1 << 16);
        double tempSum = 0;
        long tempCount = 0;
        for (DriveTrack t : healthy) {
            poh.addAll(t.powerOnSample);
            for (int k = 0; k < t.temperatures.size(); k++) tempSum += t.temperatures.get(k);
            tempCount += t.temperatures.size();
        }
        for (int i = 0; i < COUNTERS; i++) {
            long nz = 0, pairs = 0, grew = 0;
            for (DriveTrack t : healthy) {
                nz += t.nonZeroRows[i];
                pairs += t.zeroPairs[i] + t.nonZeroPairs[i];
                grew += t.zeroGrow[i] + t.nonZeroGrow[i];
            }
            int id = SmartAttribute.RULE_COUNTERS.get(i).id();
            nonZero.put(id, ratio(nz, rows));
            growth.put(id, ratio(grew, pairs));
        }
        return new Observed(driveDays, tracks.size(), failures.size(), nonZero, growth, ratio(failedGrew14d, failedWith14d),
                ratio(failedNonZeroAtEnd, failures.size()), Quantiles.of(poh.toArray(), 0), tempCount == 0 ? 0 : tempSum / tempCount);
    }

    private static double mean(DoubleList l) {
        double s = 0;
        for (int k = 0; k < l.size(); k++) s += l.get(k);
        return s / l.size();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
