package io.harbinger.predict.health;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a health assessment remembers of a drive between samples: the instant and counters of its newest
 * reading, when each counter last rose and from what (to tell growth over the last
 * {@value #GROWTH_DAYS} days, as the delta rule does), and the last day it was judged bad (for alert
 * episodes, as the model's {@code DriveHistory} does). Separate from {@code DriveHistory}: a drive the
 * model scores never needs it. Immutable: {@link #after} returns a new memory.
 *
 * <p>Per {@link HealthField#COUNTERS} slot: {@code counters} its newest value (NaN never seen);
 * {@code lastRiseDay} the last day it rose ({@link #NONE} never); {@code riseFrom} and {@code riseFromDay}
 * the value and day of the reading before the run of rises that ends on {@code lastRiseDay} (rises less
 * than {@value #GROWTH_DAYS} days apart make one run). Arrays are not copied and never modified.
 *
 * @param lastBadDay days since 1970-01-01, {@link #NONE} when never
 */
public record HealthMemory(long timestampNanos, double[] counters, long[] lastRiseDay, double[] riseFrom, long[] riseFromDay,
                           long lastBadDay) {
    public static final long NONE = Long.MIN_VALUE;
    /** A counter that rose on a reading of the last this many days (the scored day included) is growing. */
    public static final int GROWTH_DAYS = 7;
    static final byte VERSION = 1;
    private static final int SLOTS = HealthField.COUNTERS.length;
    /** Nothing seen yet. */
    public static final HealthMemory EMPTY = new HealthMemory(NONE, nans(), nones(), nans(), nones(), NONE);
    private static final int BYTES = 1 + 8 + 8 + 1 + 32 * SLOTS;

    public HealthMemory {
        if (counters == null || lastRiseDay == null || riseFrom == null || riseFromDay == null || counters.length != SLOTS
                || lastRiseDay.length != SLOTS || riseFrom.length != SLOTS || riseFromDay.length != SLOTS) {
            throw new IllegalArgumentException("every counter array needs " + SLOTS + " slots (NaN or NONE for missing)");
        }
    }

    boolean isEmpty() {
        return timestampNanos == NONE;
    }

    /** Whether {@code r} is newer than the reading remembered (older samples change nothing and show no growth). */
    boolean olderThan(HealthReading r) {
        return isEmpty() || r.timestampNanos() > timestampNanos;
    }

    /**
     * The growth of counter {@code f} that {@code r} shows, judged on the memory after {@code r}: it rose on
     * a reading of {@code r}'s last {@value #GROWTH_DAYS} days and {@code r} is above the value before the
     * rise. Empty for a reading older than the newest, or without the counter.
     */
    Optional<Growth> growth(HealthField f, HealthReading r) {
        int i = f.counterSlot();
        long day = r.epochDay();
        if (!r.has(f) || r.timestampNanos() != timestampNanos || lastRiseDay[i] == NONE || lastRiseDay[i] < day - (GROWTH_DAYS - 1)) {
            return Optional.empty();
        }
        if (!(r.value(f) > riseFrom[i])) return Optional.empty();
        return Optional.of(new Growth(riseFrom[i], r.value(f), Math.max(1, day - riseFromDay[i])));
    }

    /** A counter's rise: from {@code from} to {@code now} in {@code days} days (from the last reading at {@code from}). */
    record Growth(double from, double now, long days) {
    }

    /**
     * This memory after {@code r}, when {@code r} is newer than the reading remembered; else unchanged. A
     * counter the reading lacks keeps its value.
     */
    HealthMemory after(HealthReading r) {
        if (!olderThan(r)) return this;
        long day = r.epochDay();
        long previousDay = isEmpty() ? NONE : Math.floorDiv(timestampNanos, HealthReading.NANOS_PER_DAY);
        double[] values = counters.clone();
        long[] rise = lastRiseDay.clone();
        double[] from = riseFrom.clone();
        long[] fromDay = riseFromDay.clone();
        for (int i = 0; i < SLOTS; i++) {
            double now = r.value(HealthField.COUNTERS[i]);
            if (Double.isNaN(now)) continue;
            if (now > values[i]) { // NaN before: no rise
                boolean sameRun = rise[i] != NONE && rise[i] >= day - (GROWTH_DAYS - 1);
                if (!sameRun) {
                    from[i] = values[i];
                    fromDay[i] = previousDay;
                }
                rise[i] = day;
            }
            values[i] = now;
        }
        return new HealthMemory(r.timestampNanos(), values, rise, from, fromDay, lastBadDay);
    }

    /** Whether a bad day {@code day} raises an alert: no bad day in the {@code rearmDays} days before it. */
    boolean raises(long day, int rearmDays) {
        return lastBadDay == NONE || day - lastBadDay > rearmDays;
    }

    /** This memory with {@code day} judged bad. */
    HealthMemory badOn(long day) {
        return lastBadDay != NONE && day <= lastBadDay ? this : new HealthMemory(timestampNanos, counters, lastRiseDay, riseFrom, riseFromDay, day);
    }

    /**
     * {@code version(1) ts(8) lastBadDay(8) n(1)}, then per counter {@code value(8) lastRiseDay(8) riseFrom(8)
     * riseFromDay(8)}: doubles kept exactly.
     */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(VERSION).putLong(timestampNanos).putLong(lastBadDay).put((byte) SLOTS);
        for (int i = 0; i < SLOTS; i++) b.putDouble(counters[i]).putLong(lastRiseDay[i]).putDouble(riseFrom[i]).putLong(riseFromDay[i]);
        return b.array();
    }

    /** @throws IllegalArgumentException when {@code bytes} are not an encoded memory, saying what is wrong */
    public static HealthMemory decode(byte[] bytes) {
        if (bytes == null || bytes.length != BYTES) {
            throw new IllegalArgumentException("a health memory is " + BYTES + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte version = b.get();
        if (version != VERSION) throw new IllegalArgumentException("unknown health memory version " + version + " (this reader knows " + VERSION + ")");
        long ts = b.getLong();
        long lastBad = b.getLong();
        int n = b.get();
        if (n != SLOTS) throw new IllegalArgumentException("health memory holds " + n + " counters, expected " + SLOTS);
        double[] values = new double[n];
        long[] rise = new long[n];
        double[] from = new double[n];
        long[] fromDay = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = b.getDouble();
            rise[i] = b.getLong();
            from[i] = b.getDouble();
            fromDay[i] = b.getLong();
        }
        return new HealthMemory(ts, values, rise, from, fromDay, lastBad);
    }

    private static double[] nans() {
        double[] c = new double[SLOTS];
        Arrays.fill(c, Double.NaN);
        return c;
    }

    private static long[] nones() {
        long[] c = new long[SLOTS];
        Arrays.fill(c, NONE);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealthMemory m && m.timestampNanos == timestampNanos && m.lastBadDay == lastBadDay && Arrays.equals(m.counters, counters)
                && Arrays.equals(m.lastRiseDay, lastRiseDay) && Arrays.equals(m.riseFrom, riseFrom) && Arrays.equals(m.riseFromDay, riseFromDay);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(timestampNanos) * 31 + Arrays.hashCode(counters)) * 31 + Arrays.hashCode(lastRiseDay);
    }

    @Override
    public String toString() {
        return "HealthMemory[ts=" + timestampNanos + ", counters=" + Arrays.toString(counters) + ", lastRiseDay=" + Arrays.toString(lastRiseDay)
                + ", riseFrom=" + Arrays.toString(riseFrom) + ", riseFromDay=" + Arrays.toString(riseFromDay) + ", lastBadDay=" + lastBadDay + "]";
    }
}
