package io.harbinger.predict.feature;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.schema.disk.SmartFields;

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
    /** The SMART attributes whose raw values the features use, in slot order ({@link SmartAttribute}). */
    public static final int[] ATTRIBUTES = SmartAttribute.ALL.stream().mapToInt(SmartAttribute::id).toArray();
    static final int SLOT_9 = SmartAttribute.POWER_ON_HOURS.slot(), SLOT_193 = SmartAttribute.LOAD_CYCLE_COUNT.slot(),
            SLOT_194 = SmartAttribute.TEMPERATURE.slot(), SLOT_241 = SmartAttribute.TOTAL_LBAS_WRITTEN.slot(),
            SLOT_242 = SmartAttribute.TOTAL_LBAS_READ.slot();
    /** The error counters of the classic SMART rule (and of "days since first error"). */
    static final int[] ERROR_SLOTS = SmartAttribute.RULE_COUNTERS.stream().mapToInt(SmartAttribute::slot).toArray();
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

    /** Slot of a {@code smart_<id>_raw} field name of a tracked attribute, or -1. */
    static int slotOf(String field) {
        SmartAttribute attribute = SmartAttribute.ofRawField(field);
        return attribute == null ? -1 : attribute.slot();
    }
}
