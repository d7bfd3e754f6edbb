package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;

import java.util.ArrayList;
import java.util.List;

/**
 * An NVMe drive judged by its SMART / health information log (NVMe base specification, log page 02h).
 * <ul>
 *   <li>bad: the drive's own SMART health self-assessment failed; a critical warning bit other than temperature (the drive itself declares spare exhausted,
 *       reliability degraded, media read-only or its volatile memory backup failed); available spare
 *       below its threshold; media and data integrity errors grown on a reading of the last
 *       {@value HealthMemory#GROWTH_DAYS} days.</li>
 *   <li>warning: critical warning bit 1 alone (a temperature above the drive's threshold is a condition
 *       of its surroundings, usually passing, not wear); endurance used 90% or more; available spare within
 *       twice its threshold; any media and data integrity errors (each one is data the drive could not
 *       return; lifetime counts of a few are common on drives that live on, so only growth is bad).</li>
 *   <li>unknown: the sample has no health log.</li>
 * </ul>
 * Error log entries are not judged: hosts cause most of them (invalid commands), healthy drives show
 * thousands; they are told among the facts.
 */
final class NvmeHealth {
    static final String VERSION = "nvme-health-v1";
    /** Critical warning bits, NVMe base specification, SMART / Health log byte 0. */
    private static final String[] WARNING_BITS = {"available spare below threshold", "temperature outside its threshold",
            "reliability degraded", "media read-only", "volatile memory backup failed", "persistent memory region read-only"};
    private static final int TEMPERATURE_BIT = 1;
    static final double ENDURANCE_WARNING_PERCENT = 90;

    private NvmeHealth() {
    }

    static Assessment assess(HealthReading r, HealthMemory after) {
        if (!r.has(HealthField.NVME_CRITICAL_WARNING) && !r.has(HealthField.NVME_AVAILABLE_SPARE) && !r.has(HealthField.NVME_MEDIA_ERRORS)
                && !r.has(HealthField.SMART_STATUS_PASSED)) {
            return new Assessment(Assessor.NVME_HEALTH_LOG, VERSION, Bucket.UNKNOWN, List.of("the sample has no NVMe health log"));
        }
        Verdict v = new Verdict();
        v.selfAssessment(r);
        criticalWarning(r, v);
        spare(r, v);
        if (r.has(HealthField.NVME_PERCENTAGE_USED) && r.value(HealthField.NVME_PERCENTAGE_USED) >= ENDURANCE_WARNING_PERCENT) {
            v.warning("endurance used " + Verdict.number(r.value(HealthField.NVME_PERCENTAGE_USED)) + "% of the vendor's rating");
        }
        v.counter(HealthField.NVME_MEDIA_ERRORS, r, after);
        return new Assessment(Assessor.NVME_HEALTH_LOG, VERSION, v.bucket(), v.isEmpty() ? List.of(healthy(r)) : v.reasons());
    }

    private static void criticalWarning(HealthReading r, Verdict v) {
        if (!r.has(HealthField.NVME_CRITICAL_WARNING)) return;
        long bits = (long) r.value(HealthField.NVME_CRITICAL_WARNING);
        if (bits == 0) return;
        String reason = String.format(java.util.Locale.ROOT, "NVMe critical warning 0x%02x: %s", bits, String.join(", ", bitNames(bits)));
        if (bits == 1L << TEMPERATURE_BIT) v.warning(reason);
        else v.bad(reason);
    }

    static List<String> bitNames(long bits) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 8; bit++) {
            if ((bits & (1L << bit)) != 0) names.add(bit < WARNING_BITS.length ? WARNING_BITS[bit] : "reserved bit " + bit);
        }
        return names;
    }

    private static void spare(HealthReading r, Verdict v) {
        if (!r.has(HealthField.NVME_AVAILABLE_SPARE) || !r.has(HealthField.NVME_AVAILABLE_SPARE_THRESHOLD)) return;
        double spare = r.value(HealthField.NVME_AVAILABLE_SPARE);
        double threshold = r.value(HealthField.NVME_AVAILABLE_SPARE_THRESHOLD);
        String s = Verdict.number(spare) + "%", t = Verdict.number(threshold) + "%";
        if (spare < threshold) v.bad("available spare " + s + " is below its threshold " + t);
        else if (threshold > 0 && spare <= 2 * threshold) v.warning("available spare " + s + " is within twice its threshold " + t);
    }

    /** What a good drive's log says, in one sentence. */
    private static String healthy(HealthReading r) {
        List<String> parts = new ArrayList<>();
        if (r.has(HealthField.NVME_CRITICAL_WARNING)) parts.add("no critical warning");
        if (r.has(HealthField.NVME_AVAILABLE_SPARE)) {
            parts.add("available spare " + Verdict.number(r.value(HealthField.NVME_AVAILABLE_SPARE)) + "%"
                    + (r.has(HealthField.NVME_AVAILABLE_SPARE_THRESHOLD) ? " (threshold " + Verdict.number(r.value(HealthField.NVME_AVAILABLE_SPARE_THRESHOLD)) + "%)" : ""));
        }
        if (r.has(HealthField.NVME_PERCENTAGE_USED)) parts.add("endurance used " + Verdict.number(r.value(HealthField.NVME_PERCENTAGE_USED)) + "%");
        if (r.has(HealthField.NVME_MEDIA_ERRORS)) parts.add("no media and data integrity errors");
        if (r.has(HealthField.NVME_ERROR_LOG_ENTRIES)) parts.add(Verdict.number(r.value(HealthField.NVME_ERROR_LOG_ENTRIES)) + " error log entries");
        return "NVMe health log: " + String.join(", ", parts);
    }
}
