package io.harbinger.predict.health;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.disk.SmartFields;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the assessments read of one disk sample: the drive's kind and model, the sample's instant and the
 * {@link HealthField} values (NaN where the sample has none).
 *
 * @param model  the drive model tag, empty when the sample does not name it
 * @param values per {@link HealthField} ordinal; not copied, never modified
 */
public record HealthReading(DriveKind kind, String model, long timestampNanos, double[] values) {
    static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** The names of the sample fields the assessments read (the SMART error counters among them). */
    public static final Set<String> FIELDS = Arrays.stream(HealthField.ALL).map(f -> f.field).collect(Collectors.toUnmodifiableSet());

    public HealthReading {
        if (kind == null || model == null) throw new IllegalArgumentException("kind and model must be non-null");
        if (values == null || values.length != HealthField.ALL.length) {
            throw new IllegalArgumentException("values needs " + HealthField.ALL.length + " slots (NaN for missing)");
        }
    }

    /** The reading of a disk point (measurement {@value SmartFields#MEASUREMENT} with a drive), or empty for any other. */
    public static Optional<HealthReading> of(Point p) {
        if (!SmartFields.MEASUREMENT.equals(p.measurement()) || p.drive().isEmpty()) return Optional.empty();
        double[] values = new double[HealthField.ALL.length];
        Arrays.fill(values, Double.NaN);
        for (Field f : p.fields()) {
            HealthField h = HealthField.ofField(f.name());
            if (h != null) values[h.ordinal()] = f.value();
        }
        String model = "";
        for (Tag t : p.tags()) {
            if (SmartFields.TAG_MODEL.equals(t.key())) model = t.value().strip();
        }
        return Optional.of(new HealthReading(DriveKind.of(p), model, p.timestampNanos(), values));
    }

    double value(HealthField f) {
        return values[f.ordinal()];
    }

    boolean has(HealthField f) {
        return !Double.isNaN(values[f.ordinal()]);
    }

    long epochDay() {
        return Math.floorDiv(timestampNanos, NANOS_PER_DAY);
    }
}
