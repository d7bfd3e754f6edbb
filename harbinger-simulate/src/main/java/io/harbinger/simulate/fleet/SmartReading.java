package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One simulated drive's reading of one day: what a Backblaze daily file holds of it.
 *
 * @param values  raw values of the tracked attributes, in {@link SmartAttribute#slot()} order
 * @param failure the drive fails this day (its last reading); a fresh drive takes its slot the next day
 */
public record SmartReading(String region, String host, String serial, String model, LocalDate day, boolean failure, long[] values) {
    public SmartReading {
        if (values.length != SmartAttribute.ALL.size()) throw new IllegalArgumentException("one value per tracked attribute");
    }

    public long value(SmartAttribute a) {
        return values[a.slot()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmartReading r && region.equals(r.region) && host.equals(r.host) && serial.equals(r.serial)
                && model.equals(r.model) && day.equals(r.day) && failure == r.failure && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return serial.hashCode() * 31 + day.hashCode();
    }

    @Override
    public String toString() {
        return "SmartReading[" + region + "/" + host + "/" + serial + " " + day + (failure ? " FAILED " : " ") + Arrays.toString(values) + "]";
    }
}
