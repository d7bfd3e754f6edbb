package io.harbinger.predict.feature;

import java.util.Arrays;

/**
 * Test data: one drive reading built attribute by attribute. Days count from {@link #D0} (2024-01-01);
 * a reading is taken at noon UTC unless {@link #atHour} says otherwise. Unset attributes are NaN.
 */
final class Readings {
    static final long D0 = java.time.LocalDate.of(2024, 1, 1).toEpochDay();
    private static final long NANOS_PER_HOUR = DriveReading.NANOS_PER_DAY / 24;

    private final int day;
    private long nanosIntoDay = 12 * NANOS_PER_HOUR;
    private final double[] values = new double[DriveReading.ATTRIBUTES.length];
    private boolean failure;

    private Readings(int day) {
        this.day = day;
        Arrays.fill(values, Double.NaN);
    }

    /** A reading of day {@code day} (counted from {@link #D0}). */
    static Readings on(int day) {
        return new Readings(day);
    }

    /** A reading of {@code day} whose every attribute is set from {@code seed} (distinct per attribute). */
    static Readings full(int day, double seed) {
        Readings r = on(day);
        for (int i = 0; i < r.values.length; i++) r.values[i] = seed * (i + 1);
        return r;
    }

    Readings atHour(int hour) {
        return atNanos(hour * NANOS_PER_HOUR);
    }

    Readings atNanos(long nanosIntoDay) {
        this.nanosIntoDay = nanosIntoDay;
        return this;
    }

    /** Raw value of SMART attribute {@code id} (one of {@link DriveReading#ATTRIBUTES}). */
    Readings smart(int id, double raw) {
        for (int i = 0; i < DriveReading.ATTRIBUTES.length; i++) {
            if (DriveReading.ATTRIBUTES[i] == id) {
                values[i] = raw;
                return this;
            }
        }
        throw new IllegalArgumentException("attribute " + id + " has no slot");
    }

    Readings failed() {
        failure = true;
        return this;
    }

    static long epochDay(int day) {
        return D0 + day;
    }

    DriveReading build() {
        return new DriveReading((D0 + day) * DriveReading.NANOS_PER_DAY + nanosIntoDay, values.clone(), failure);
    }

    /** A history fed {@code readings} in the order given. */
    static DriveHistory historyOf(Readings... readings) {
        DriveHistory h = new DriveHistory();
        for (Readings r : readings) h.add(r.build());
        return h;
    }
}
