package io.harbinger.pipeline;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.health.HealthReading;
import io.harbinger.schema.disk.SmartFields;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which disk samples of a task need judging (coalescing per drive-day). A drive's features are daily
 * (the model is trained on one reading per drive and day), so a sample that repeats what its drive's
 * last judged sample of the same day said is not judged again: no history read, re-encoded and written to
 * the changelog, no model call, no prediction row. A sample is judged when
 * <ul>
 *   <li>it is its drive's first of a day (in event time: the sample's timestamp),</li>
 *   <li>a value a judgement reads beyond the daily drift changed since the last judged sample of the day:
 *       an error counter (SMART 5, 187, 188, 197, 198), the SMART self-assessment, an NVMe or SCSI health
 *       value, the failure flag ({@link #fingerprint}),</li>
 *   <li>or at least {@code rescoreAfter} of event time passed since that sample (temperature, power-on
 *       hours and workload counters of the day's reading are then at most that old; zero judges every
 *       sample).</li>
 * </ul>
 * The state is a bounded cache in the processor of one task, never the truth: a drive it does not hold
 * (evicted, or the task just started after a restart or a rebalance) is judged, so forgetting only costs
 * work. Event time, not the clock, decides, so a replay judges the same samples.
 */
final class DriveDayGate {
    /** Drives remembered per task (about 150 bytes each); beyond that the least recently seen are judged again. */
    static final int MAX_DRIVES = 200_000;

    private final long rescoreAfterNanos;
    private final Map<String, Judged> judged;

    /** What the gate remembers of a drive's last judged sample. */
    private record Judged(long day, long timestampNanos, long fingerprint) {
    }

    DriveDayGate(Duration rescoreAfter, int maxDrives) {
        if (rescoreAfter.isNegative()) throw new IllegalArgumentException("rescoreAfter must be >= 0, got " + rescoreAfter);
        if (maxDrives < 1) throw new IllegalArgumentException("maxDrives must be >= 1, got " + maxDrives);
        this.rescoreAfterNanos = rescoreAfter.toNanos();
        this.judged = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Judged> eldest) {
                return size() > maxDrives;
            }
        };
    }

    /** True when {@code p}, a sample of drive {@code key}, repeats the drive's last judged sample of the day (skip it). */
    boolean repeats(String key, Point p) {
        if (rescoreAfterNanos == 0) return false;
        Judged last = judged.get(key);
        if (last == null) return false;
        long t = p.timestampNanos();
        return Math.floorDiv(t, DriveReading.NANOS_PER_DAY) == last.day && t >= last.timestampNanos
                && t - last.timestampNanos < rescoreAfterNanos && fingerprint(p) == last.fingerprint;
    }

    /** {@code p} of drive {@code key} was judged. An older sample than the one remembered makes the gate forget the drive. */
    void judged(String key, Point p) {
        if (rescoreAfterNanos == 0) return;
        long t = p.timestampNanos();
        Judged last = judged.get(key);
        if (last != null && t < last.timestampNanos) {
            judged.remove(key); // a late sample: which reading the drive's day holds now is the history's to say
            return;
        }
        judged.put(key, new Judged(Math.floorDiv(t, DriveReading.NANOS_PER_DAY), t, fingerprint(p)));
    }

    int size() {
        return judged.size();
    }

    /**
     * A 64-bit digest of the values of {@code p} a judgement reads beyond the daily drift: the fields the
     * health assessments read ({@link HealthReading#FIELDS}: the SMART error counters, the self-assessment,
     * NVMe and SCSI health) and the failure flag. Temperature, power-on hours and the workload counters
     * (LBAs, load cycles, whose change per day is a daily feature) are left out, as is anything no
     * judgement reads. Two samples with different such values share a digest with probability 2^-64.
     */
    static long fingerprint(Point p) {
        long h = 0x9E3779B97F4A7C15L;
        for (Field f : p.fields()) {
            if (!JUDGED.contains(f.name())) continue;
            h = mix(h ^ f.name().hashCode());
            h = mix(h ^ Double.doubleToLongBits(f.value()));
        }
        return h;
    }

    private static final Set<String> JUDGED = judgedFields();

    private static Set<String> judgedFields() {
        Set<String> fields = new HashSet<>(HealthReading.FIELDS);
        fields.add(SmartFields.FAILURE);
        return Set.copyOf(fields);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
