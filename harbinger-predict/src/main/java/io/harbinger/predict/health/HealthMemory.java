package io.harbinger.predict.health;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a health assessment remembers of a drive between samples: the instant and counters of its newest
 * reading (to see them grow) and the last day it was judged bad (for alert episodes, as the model's
 * {@code DriveHistory} does). Separate from {@code DriveHistory}: a drive the model scores never needs it.
 *
 * @param counters per {@link HealthField#COUNTERS} slot, NaN where the reading had none; not copied
 * @param lastBadDay days since 1970-01-01, {@link #NONE} when never
 */
public record HealthMemory(long timestampNanos, double[] counters, long lastBadDay) {
    public static final long NONE = Long.MIN_VALUE;
    /** Nothing seen yet. */
    public static final HealthMemory EMPTY = new HealthMemory(NONE, nans(), NONE);
    static final byte VERSION = 1;
    private static final int BYTES = 1 + 8 + 8 + 1 + 8 * HealthField.COUNTERS.length;

    public HealthMemory {
        if (counters == null || counters.length != HealthField.COUNTERS.length) {
            throw new IllegalArgumentException("counters needs " + HealthField.COUNTERS.length + " slots (NaN for missing)");
        }
    }

    boolean isEmpty() {
        return timestampNanos == NONE;
    }

    /** The previous value of {@code f} (a counter), NaN when unknown. */
    double previous(HealthField f) {
        return counters[f.counterSlot()];
    }

    /** This memory after {@code r}, when {@code r} is newer than the reading remembered; else unchanged. */
    HealthMemory after(HealthReading r) {
        if (!isEmpty() && r.timestampNanos() <= timestampNanos) return this;
        double[] next = new double[counters.length];
        for (int i = 0; i < next.length; i++) next[i] = r.value(HealthField.COUNTERS[i]);
        return new HealthMemory(r.timestampNanos(), next, lastBadDay);
    }

    /** Whether a bad day {@code day} raises an alert: no bad day in the {@code rearmDays} days before it. */
    boolean raises(long day, int rearmDays) {
        return lastBadDay == NONE || day - lastBadDay > rearmDays;
    }

    /** This memory with {@code day} judged bad. */
    HealthMemory badOn(long day) {
        return lastBadDay != NONE && day <= lastBadDay ? this : new HealthMemory(timestampNanos, counters, day);
    }

    /** {@code version(1) ts(8) lastBadDay(8) n(1) counter(8)*n}: doubles kept exactly. */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(VERSION).putLong(timestampNanos).putLong(lastBadDay).put((byte) counters.length);
        for (double c : counters) b.putDouble(c);
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
        if (n != HealthField.COUNTERS.length) throw new IllegalArgumentException("health memory holds " + n + " counters, expected " + HealthField.COUNTERS.length);
        double[] counters = new double[n];
        for (int i = 0; i < n; i++) counters[i] = b.getDouble();
        return new HealthMemory(ts, counters, lastBad);
    }

    private static double[] nans() {
        double[] c = new double[HealthField.COUNTERS.length];
        Arrays.fill(c, Double.NaN);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealthMemory m && m.timestampNanos == timestampNanos && m.lastBadDay == lastBadDay && Arrays.equals(m.counters, counters);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestampNanos) * 31 + Arrays.hashCode(counters);
    }

    @Override
    public String toString() {
        return "HealthMemory[ts=" + timestampNanos + ", counters=" + Arrays.toString(counters) + ", lastBadDay=" + lastBadDay + "]";
    }
}
