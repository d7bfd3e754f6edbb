package io.harbinger.predict.explain;

import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.schema.disk.CounterFeatures;
import io.harbinger.schema.disk.SmartAttribute;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The observed facts behind a model prediction's top features: for each error counter a feature is
 * about ({@code smart_197_raw}, {@code smart_197_change_7d}, {@code smart_197_days_since_increase}, ...;
 * {@code pending_to_reallocated_30d} is about 197 and 5), what the drive's readings of the
 * {@value DriveHistory#WINDOW_DAYS} days up to the scored one show of it:
 * <ul>
 *   <li>{@code SMART 197 current pending sectors 0 -> 24 in 3 days}: the first value of the window, then
 *       the value scored, over the days from the last reading still at the first value;</li>
 *   <li>{@code SMART 5 reallocated sectors unchanged at 8 over 30 days}: over the days from the window's
 *       first reading of it;</li>
 *   <li>{@code SMART 5 reallocated sectors at 8 (no earlier reading in 30 days)}: the drive's only reading.</li>
 * </ul>
 * One fact per counter, in the order of the features that first name it; none for features about
 * anything else (temperature, workload, age) or for a counter the scored reading lacks. The values are
 * the readings' raw values ({@link DriveHistory#readingsOf}).
 *
 * <p>Pure, and cheap beside the tree SHAP it accompanies: one pass over each counter's readings of the window.
 */
public final class Facts {

    private Facts() {
    }

    /**
     * The facts for the counters {@code features} are about, from {@code history}'s readings of the
     * {@value DriveHistory#WINDOW_DAYS} days up to {@code day}. The history must hold a reading of {@code day}
     * (the one scored).
     */
    public static List<String> of(DriveHistory history, long day, List<String> features) {
        List<SmartAttribute> counters = counters(features);
        if (counters.isEmpty()) return List.of();
        if (!history.hasReadingOn(day)) throw new IllegalArgumentException("the history holds no reading of day " + day);
        List<String> facts = new ArrayList<>(counters.size());
        for (SmartAttribute a : counters) {
            String fact = fact(history, a, day);
            if (fact != null) facts.add(fact);
        }
        return List.copyOf(facts);
    }

    /** The error counters among the features' subjects, each once, in order of first mention. */
    static List<SmartAttribute> counters(List<String> features) {
        Set<SmartAttribute> out = new LinkedHashSet<>();
        for (String f : features) {
            for (int id : CounterFeatures.attributesOf(f)) {
                SmartAttribute a = SmartAttribute.ofId(id);
                if (a != null && SmartAttribute.RULE_COUNTERS.contains(a)) out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** The fact of counter {@code a} from its readings of the window, or null when the scored reading lacks it. */
    private static String fact(DriveHistory history, SmartAttribute a, long day) {
        long[] days = new long[DriveHistory.WINDOW_DAYS + 1];
        double[] values = new double[DriveHistory.WINDOW_DAYS + 1];
        int n = history.readingsOf(a, day - DriveHistory.WINDOW_DAYS, day, days, values);
        if (n == 0 || days[n - 1] != day) return null;
        double first = values[0], now = values[n - 1];
        if (n == 1) return a.label() + " at " + number(now) + " (no earlier reading in " + DriveHistory.WINDOW_DAYS + " days)";
        if (first == now) return a.label() + " unchanged at " + number(now) + " over " + days(day - days[0]);
        int lastAtFirst = 0;
        while (lastAtFirst + 1 < n && values[lastAtFirst + 1] == first) lastAtFirst++;
        return a.label() + " " + number(first) + " -> " + number(now) + " in " + days(day - days[lastAtFirst]);
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
