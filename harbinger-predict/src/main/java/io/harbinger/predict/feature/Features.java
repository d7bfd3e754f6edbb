package io.harbinger.predict.feature;

import io.harbinger.schema.disk.SmartAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * The one feature implementation: the stream processor and the training and evaluation commands all
 * call {@link #compute}. Features of a drive as of a day are read from its {@link DriveHistory}, using
 * only the readings of that day and before; NaN is "unknown" (the model treats it as missing).
 *
 * <ul>
 *   <li>for each error counter (SMART 5, 187, 188, 197, 198): its raw value, its change over 1, 7
 *       and 30 days (to the newest reading at least that many days older; NaN without one), the days
 *       since it last grew (NaN when it did not grow within the history's window) and the number of
 *       readings of the last 30 days on which it grew;</li>
 *   <li>power-on hours (9); temperature (194): current, mean over 7 days, max over 30 days;</li>
 *   <li>LBAs written (241) and read (242), and load cycles (193), per day over the last 7 days;</li>
 *   <li>days since an error counter was first above zero (NaN when never), days of the last 30 on which
 *       some error counter grew, and days since the reading before (a drive that stops reporting);</li>
 *   <li>pending sectors that became reallocated over 30 days (SMART 197 falling while 5 rises: the
 *       smaller of the two moves), and how many of the error counters are above zero.</li>
 * </ul>
 * How long the drive has been watched is not a feature: it depends on when watching began, not on the
 * drive (power-on hours tell its age).
 * {@link #VERSION} names this set; it changes whenever a feature's meaning does.
 */
public final class Features {
    public static final String VERSION = "v2";
    private static final int[] CHANGE_DAYS = {1, 7, 30};
    private static final int SLOT_5 = SmartAttribute.REALLOCATED_SECTORS.slot(), SLOT_197 = SmartAttribute.CURRENT_PENDING_SECTORS.slot();
    public static final List<String> NAMES = names();
    public static final int COUNT = NAMES.size();

    private Features() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SmartAttribute a : SmartAttribute.RULE_COUNTERS) {
            names.add(a.rawField());
            for (int d : CHANGE_DAYS) names.add("smart_" + a.id() + "_change_" + d + "d");
            names.add("smart_" + a.id() + "_days_since_increase");
            names.add("smart_" + a.id() + "_increases_30d");
        }
        names.addAll(List.of("power_on_hours", "temperature", "temperature_mean_7d", "temperature_max_30d",
                "lbas_written_per_day_7d", "lbas_read_per_day_7d", "load_cycles_per_day_7d",
                "days_since_first_error", "error_growth_days_30d", "days_since_previous_reading",
                "pending_to_reallocated_30d", "error_counters_nonzero"));
        return List.copyOf(names);
    }

    /**
     * The features of {@code history}'s drive as of {@code day}, into {@code out[offset..offset+COUNT)}.
     * The history must hold a reading of {@code day} (the one being scored).
     */
    public static void compute(DriveHistory history, long day, float[] out, int offset) {
        int now = history.atOrBefore(day);
        if (now < 0 || history.day(now) != day) throw new IllegalArgumentException("the history holds no reading of day " + day);
        int k = offset;
        for (int slot : DriveReading.ERROR_SLOTS) {
            double current = history.value(now, slot);
            out[k++] = (float) current;
            for (int d : CHANGE_DAYS) out[k++] = (float) change(history, now, slot, day - d);
            int grew = lastIncrease(history, now, slot);
            out[k++] = grew < 0 ? Float.NaN : (float) (day - history.day(grew));
            out[k++] = increases(history, now, slot, day - 29);
        }
        out[k++] = (float) history.value(now, DriveReading.SLOT_9);
        out[k++] = (float) history.value(now, DriveReading.SLOT_194);
        out[k++] = (float) mean(history, now, DriveReading.SLOT_194, day - 6);
        out[k++] = (float) max(history, now, DriveReading.SLOT_194, day - 29);
        out[k++] = (float) perDay(history, now, DriveReading.SLOT_241, day - 7);
        out[k++] = (float) perDay(history, now, DriveReading.SLOT_242, day - 7);
        out[k++] = (float) perDay(history, now, DriveReading.SLOT_193, day - 7);
        long firstError = history.firstErrorDay();
        out[k++] = firstError == DriveHistory.NONE || firstError > day ? Float.NaN : (float) (day - firstError);
        out[k++] = errorGrowthDays(history, now, day - 29);
        out[k++] = now == 0 ? Float.NaN : (float) (day - history.day(now - 1));
        out[k++] = (float) pendingToReallocated(history, now, day - 30);
        out[k] = nonZeroCounters(history, now);
    }

    /** Index of the newest reading at or before {@code now} whose {@code slot} is above the reading before; -1 when none. */
    private static int lastIncrease(DriveHistory h, int now, int slot) {
        for (int i = now; i > 0; i--) {
            if (h.value(i, slot) > h.value(i - 1, slot)) return i;
        }
        return -1;
    }

    /** Readings since {@code fromDay} on which {@code slot} was above the reading before. */
    private static float increases(DriveHistory h, int now, int slot, long fromDay) {
        int n = 0;
        for (int i = now; i > 0 && h.day(i) >= fromDay; i--) {
            if (h.value(i, slot) > h.value(i - 1, slot)) n++;
        }
        return n;
    }

    /** min(fall of SMART 197, rise of SMART 5) since the newest reading on or before {@code refDay}, at least 0; NaN without one. */
    private static double pendingToReallocated(DriveHistory h, int now, long refDay) {
        int ref = h.atOrBefore(refDay);
        if (ref < 0) return Double.NaN;
        double pendingFell = h.value(ref, SLOT_197) - h.value(now, SLOT_197);
        double reallocatedRose = h.value(now, SLOT_5) - h.value(ref, SLOT_5);
        if (Double.isNaN(pendingFell) || Double.isNaN(reallocatedRose)) return Double.NaN;
        return Math.max(0, Math.min(pendingFell, reallocatedRose));
    }

    private static float nonZeroCounters(DriveHistory h, int now) {
        int n = 0;
        for (int slot : DriveReading.ERROR_SLOTS) {
            if (h.value(now, slot) > 0) n++;
        }
        return n;
    }

    /**
     * The delta rule, the baseline the model must beat: some error counter (SMART 5, 187, 188, 197, 198)
     * rose from one reading to the next at least once in the 7 days ending {@code day} (readings of
     * {@code day-6..day}). The history must hold a reading of {@code day}.
     */
    public static boolean deltaRule(DriveHistory history, long day) {
        int now = history.atOrBefore(day);
        if (now < 0 || history.day(now) != day) throw new IllegalArgumentException("the history holds no reading of day " + day);
        for (int i = now; i > 0 && history.day(i) >= day - 6; i--) {
            for (int slot : DriveReading.ERROR_SLOTS) {
                if (history.value(i, slot) > history.value(i - 1, slot)) return true;
            }
        }
        return false;
    }

    /** A fresh array with the features of {@code day}. */
    public static float[] compute(DriveHistory history, long day) {
        float[] out = new float[COUNT];
        compute(history, day, out, 0);
        return out;
    }

    /** Current value minus the value of the newest reading on or before {@code refDay}. */
    private static double change(DriveHistory h, int now, int slot, long refDay) {
        int ref = h.atOrBefore(refDay);
        return ref < 0 ? Double.NaN : h.value(now, slot) - h.value(ref, slot);
    }

    private static double perDay(DriveHistory h, int now, int slot, long refDay) {
        int ref = h.atOrBefore(refDay);
        if (ref < 0) return Double.NaN;
        return (h.value(now, slot) - h.value(ref, slot)) / (h.day(now) - h.day(ref));
    }

    private static double mean(DriveHistory h, int now, int slot, long fromDay) {
        double sum = 0;
        int n = 0;
        for (int i = now; i >= 0 && h.day(i) >= fromDay; i--) {
            double v = h.value(i, slot);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double max(DriveHistory h, int now, int slot, long fromDay) {
        double max = Double.NaN;
        for (int i = now; i >= 0 && h.day(i) >= fromDay; i--) {
            double v = h.value(i, slot);
            if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) max = v;
        }
        return max;
    }

    /** Readings since {@code fromDay} on which some error counter was above the previous reading's. */
    private static float errorGrowthDays(DriveHistory h, int now, long fromDay) {
        int n = 0;
        for (int i = now; i > 0 && h.day(i) >= fromDay; i--) {
            for (int slot : DriveReading.ERROR_SLOTS) {
                if (h.value(i, slot) > h.value(i - 1, slot)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
