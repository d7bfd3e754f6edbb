package io.harbinger.store.rows;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.store.PartitionedTable;

import java.util.OptionalLong;

/**
 * A {@code disk_samples} row: one drive at one instant. The bigint columns ({@code capacity_bytes}
 * and the raw values of {@link SmartAttribute}) are kept in one array with a presence mask; an
 * absent value is SQL {@code NULL}.
 *
 * @param model     the {@code model} tag, empty when absent (stored as {@code NULL})
 * @param bigints   capacity_bytes, then the raw value of each of {@link SmartAttribute}
 * @param present   bit {@code i} set when {@code bigints[i]} holds a value
 * @param otherJson every other field as a JSON object, empty when there is none (stored as {@code NULL})
 */
public record DiskSampleRow(String region, String host, String drive, long tsMicros, String model,
                            long[] bigints, int present, float temperatureC, boolean hasTemperature,
                            boolean failure, String otherJson) implements Row {
    static final int BIGINTS = 1 + SmartAttribute.ALL.size();
    static final int COLUMNS = 4 + 1 + BIGINTS + 3;

    public DiskSampleRow {
        if (bigints.length != BIGINTS) throw new IllegalArgumentException("bigints needs " + BIGINTS + " values, got " + bigints.length);
    }

    @Override
    public PartitionedTable table() {
        return PartitionedTable.DISK_SAMPLES;
    }

    public OptionalLong capacityBytes() {
        return bigint(0);
    }

    /** The raw value of {@code attribute}'s column; empty when the point had none. */
    public OptionalLong smartRaw(SmartAttribute attribute) {
        return bigint(1 + attribute.slot());
    }

    private OptionalLong bigint(int index) {
        return (present & (1 << index)) != 0 ? OptionalLong.of(bigints[index]) : OptionalLong.empty();
    }

    @Override
    public void writeTo(ColumnWriter w) {
        w.beginRow(COLUMNS);
        w.text(region);
        w.text(host);
        w.text(drive);
        w.timestamptz(tsMicros);
        if (model.isEmpty()) w.nullValue(); else w.text(model);
        for (int i = 0; i < BIGINTS; i++) {
            if ((present & (1 << i)) != 0) w.int8(bigints[i]); else w.nullValue();
        }
        if (hasTemperature) w.float4(temperatureC); else w.nullValue();
        w.bool(failure);
        if (otherJson.isEmpty()) w.nullValue(); else w.jsonb(otherJson);
        w.endRow();
    }
}
