package io.harbinger.simulate.send;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.SmartReading;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Simulated readings as a Backblaze Drive Stats daily CSV, in the data set's own columns. */
public final class BackblazeCsv {
    public static final String HEADER = header();

    private BackblazeCsv() {
    }

    private static String header() {
        StringBuilder h = new StringBuilder("serial_number,date,model,failure");
        for (SmartAttribute a : SmartAttribute.ALL) h.append(',').append(a.rawField());
        return h.toString();
    }

    public static byte[] of(List<SmartReading> readings) {
        StringBuilder out = new StringBuilder(HEADER.length() + 1 + readings.size() * 120).append(HEADER).append('\n');
        for (SmartReading r : readings) {
            out.append(r.serial()).append(',').append(r.day()).append(',').append(r.model()).append(',').append(r.failure() ? 1 : 0);
            for (long v : r.values()) out.append(',').append(v);
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
