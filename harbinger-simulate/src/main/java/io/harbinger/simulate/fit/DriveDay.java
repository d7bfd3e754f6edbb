package io.harbinger.simulate.fit;

import io.harbinger.schema.disk.SmartAttribute;

/**
 * One drive's reading of one day, as the fitting reads it: the tracked SMART raw values in
 * {@link SmartAttribute#slot()} order (NaN where the cell was empty) and whether the drive failed that day.
 *
 * @param day epoch day
 */
public record DriveDay(String serial, long day, boolean failure, double[] values) {
    public DriveDay {
        if (serial == null || serial.isEmpty()) throw new IllegalArgumentException("serial must be non-empty");
        if (values == null || values.length != SmartAttribute.ALL.size()) {
            throw new IllegalArgumentException("values must hold one value per tracked attribute (" + SmartAttribute.ALL.size() + ")");
        }
    }

    public double value(SmartAttribute a) {
        return values[a.slot()];
    }
}
