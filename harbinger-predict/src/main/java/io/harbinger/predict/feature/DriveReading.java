package io.harbinger.predict.feature;

import io.harbinger.core.sample.Field;
import io.harbinger.core.sample.Point;
import io.harbinger.parsers.smartctl.SmartFields;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the features read of one disk sample: its instant and the raw values of {@link #ATTRIBUTES}
 * (NaN where the sample has none). Built from a {@link Point} of any source (smartctl JSON, Backblaze
 * CSV, Ceph telemetry): they share field names ({@link SmartFields}).
 *
 * @param values raw value per attribute, in {@link #ATTRIBUTES} order; not copied, never modified
 */
public record DriveReading(long timestampNanos, double[] values, boolean failure) {
    /** The SMART attributes whose raw values the features use, in slot order. */
    public static final int[] ATTRIBUTES = {5, 9, 187, 188, 193, 194, 197, 198, 241, 242};
    static final int SLOT_5 = 0, SLOT_9 = 1, SLOT_187 = 2, SLOT_188 = 3, SLOT_193 = 4, SLOT_194 = 5,
            SLOT_197 = 6, SLOT_198 = 7, SLOT_241 = 8, SLOT_242 = 9;
    /** The error counters of the classic SMART rule (and of "days since first error"). */
    static final int[] ERROR_SLOTS = {SLOT_5, SLOT_187, SLOT_188, SLOT_197, SLOT_198};
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public DriveReading {
        if (values == null || values.length != ATTRIBUTES.length) {
            throw new IllegalArgumentException("values needs " + ATTRIBUTES.length + " slots (NaN for missing)");
        }
    }

    /** The UTC day of the sample, as days since 1970-01-01. */
    public long epochDay() {
        return Math.floorDiv(timestampNanos, NANOS_PER_DAY);
    }

    /** True when the classic SMART rule fires: any raw value of 5, 187, 188, 197, 198 above 0. */
    public boolean ruleFlag() {
        for (int slot : ERROR_SLOTS) {
            if (values[slot] > 0) return true;
        }
        return false;
    }

    /**
     * The reading of a disk point (measurement {@value SmartFields#MEASUREMENT} with a drive), or empty
     * for any other point. Temperature and power-on hours fall back to {@code temperature_c} and
     * {@code power_on_hours} when the attribute itself is absent (NVMe, SCSI).
     */
    public static Optional<DriveReading> of(Point p) {
        if (!SmartFields.MEASUREMENT.equals(p.measurement()) || p.drive().isEmpty()) return Optional.empty();
        double[] values = new double[ATTRIBUTES.length];
        Arrays.fill(values, Double.NaN);
        double temperature = Double.NaN;
        double powerOnHours = Double.NaN;
        boolean failure = false;
        for (Field f : p.fields()) {
            int slot = slotOf(f.name());
            if (slot >= 0) {
                values[slot] = f.value();
            } else if (SmartFields.TEMPERATURE_C.equals(f.name())) {
                temperature = f.value();
            } else if (SmartFields.POWER_ON_HOURS.equals(f.name())) {
                powerOnHours = f.value();
            } else if (SmartFields.FAILURE.equals(f.name())) {
                failure = f.value() != 0;
            }
        }
        if (Double.isNaN(values[SLOT_194])) values[SLOT_194] = temperature;
        if (Double.isNaN(values[SLOT_9])) values[SLOT_9] = powerOnHours;
        return Optional.of(new DriveReading(p.timestampNanos(), values, failure));
    }

    /** Slot of a {@code smart_<id>_raw} field name, or -1: the id is read from the name, no string compared. */
    static int slotOf(String field) {
        int n = field.length();
        if (n < 11 || n > 13 || !field.startsWith("smart_") || !field.endsWith("_raw")) return -1;
        int id = 0;
        for (int i = 6; i < n - 4; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') return -1;
            id = id * 10 + (c - '0');
        }
        return id <= SmartFields.MAX_ATTRIBUTE && field.charAt(6) != '0' ? SLOT_BY_ID[id] : -1;
    }

    private static final int[] SLOT_BY_ID = slotsById();

    private static int[] slotsById() {
        int[] slots = new int[SmartFields.MAX_ATTRIBUTE + 1];
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < ATTRIBUTES.length; i++) slots[ATTRIBUTES[i]] = i;
        return slots;
    }
}
