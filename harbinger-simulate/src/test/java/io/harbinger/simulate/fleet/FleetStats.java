package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The figures {@link FleetParameters.Observed} holds of the data, measured the same way on a simulated fleet. */
final class FleetStats {
    private static final List<SmartAttribute> COUNTERS = SmartAttribute.RULE_COUNTERS;

    private static final class Drive {
        final long[] nonZeroDays = new long[COUNTERS.size()];
        final long[] grewDays = new long[COUNTERS.size()];
        long days;
        long pairs;
        long[] previous;
        final ArrayDeque<long[]> last15 = new ArrayDeque<>();
        final List<Long> powerOnSample = new ArrayList<>();
        double temperatureSum;
    }

    private final Map<String, Drive> drives = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private long driveDays;
    private int failedWith14d;
    private int failedGrew14d;
    private int failedNonZeroAtEnd;

    void add(FleetGenerator.Day day) {
        for (SmartReading r : day.readings()) add(r);
    }

    private void add(SmartReading r) {
        driveDays++;
        Drive d = drives.computeIfAbsent(r.serial(), s -> new Drive());
        long[] c = new long[COUNTERS.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.value(COUNTERS.get(i));
            if (c[i] > 0) d.nonZeroDays[i]++;
            if (d.previous != null && c[i] > d.previous[i]) d.grewDays[i]++;
        }
        if (d.previous != null) d.pairs++;
        d.previous = c;
        d.days++;
        d.temperatureSum += r.value(SmartAttribute.TEMPERATURE);
        if (r.day().toEpochDay() % 5 == 0) d.powerOnSample.add(r.value(SmartAttribute.POWER_ON_HOURS));
        d.last15.addLast(c);
        if (d.last15.size() > 15) d.last15.removeFirst();
        if (r.failure()) failed(d, c);
    }

    private void failed(Drive d, long[] atEnd) {
        failed.add(drivesKey(d));
        if (Arrays.stream(atEnd).anyMatch(v -> v > 0)) failedNonZeroAtEnd++;
        if (d.last15.size() == 15) {
            failedWith14d++;
            long[] before = d.last15.getFirst();
            for (int i = 0; i < atEnd.length; i++) {
                if (atEnd[i] > before[i]) {
                    failedGrew14d++;
                    break;
                }
            }
        }
    }

    private String drivesKey(Drive d) {
        for (Map.Entry<String, Drive> e : drives.entrySet()) if (e.getValue() == d) return e.getKey();
        throw new IllegalStateException();
    }

    long driveDays() {
        return driveDays;
    }

    int failures() {
        return failed.size();
    }

    double failureRate() {
        return (double) failed.size() / driveDays;
    }

    private List<Drive> healthy() {
        return drives.entrySet().stream().filter(e -> !failed.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    double healthyNonZero(int counter) {
        long nz = 0, days = 0;
        for (Drive d : healthy()) {
            nz += d.nonZeroDays[counter];
            days += d.days;
        }
        return (double) nz / days;
    }

    double healthyGrowth(int counter) {
        long grew = 0, pairs = 0;
        for (Drive d : healthy()) {
            grew += d.grewDays[counter];
            pairs += d.pairs;
        }
        return (double) grew / pairs;
    }

    double failedGrewLast14d() {
        return (double) failedGrew14d / failedWith14d;
    }

    double failedNonZeroAtEnd() {
        return (double) failedNonZeroAtEnd / failed.size();
    }

    Quantiles healthyPowerOnHours() {
        return Quantiles.of(healthy().stream().flatMap(d -> d.powerOnSample.stream()).mapToDouble(Long::doubleValue).toArray(), 0);
    }

    double healthyTemperatureMean() {
        double sum = 0;
        long n = 0;
        for (Drive d : healthy()) {
            sum += d.temperatureSum;
            n += d.days;
        }
        return sum / n;
    }
}
