package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;

import java.util.ArrayList;
import java.util.List;

/**
 * A SCSI (SAS) drive judged by its grown defect list and its error counter log's uncorrected errors:
 * either grown on a reading of the last {@value HealthMemory#GROWTH_DAYS} days is bad, either above 0 a warning (a grown list of a few dozen
 * remapped sectors is common on old drives that live on; what precedes failure is new defects). A failed
 * SMART health self-assessment is bad. Unknown when the sample has none of these.
 */
final class ScsiHealth {
    static final String VERSION = "scsi-health-v1";

    private ScsiHealth() {
    }

    static Assessment assess(HealthReading r, HealthMemory after) {
        boolean any = r.has(HealthField.SCSI_GROWN_DEFECTS) || r.has(HealthField.SMART_STATUS_PASSED);
        for (HealthField f : HealthField.SCSI_UNCORRECTED) any |= r.has(f);
        if (!any) {
            return new Assessment(Assessor.SCSI_HEALTH_LOG, VERSION, Bucket.UNKNOWN, List.of("the sample has no grown defect list and no error counter log"));
        }
        Verdict v = new Verdict();
        v.selfAssessment(r);
        v.counter(HealthField.SCSI_GROWN_DEFECTS, r, after);
        for (HealthField f : HealthField.SCSI_UNCORRECTED) v.counter(f, r, after);
        return new Assessment(Assessor.SCSI_HEALTH_LOG, VERSION, v.bucket(), v.isEmpty() ? List.of(healthy(r)) : v.reasons());
    }

    private static String healthy(HealthReading r) {
        List<String> parts = new ArrayList<>();
        if (r.has(HealthField.SCSI_GROWN_DEFECTS)) parts.add("no grown defects");
        for (HealthField f : HealthField.SCSI_UNCORRECTED) if (r.has(f)) parts.add("no " + f.label);
        return "SCSI health: " + String.join(", ", parts);
    }
}
