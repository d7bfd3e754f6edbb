package io.harbinger.predict.health;

import io.harbinger.schema.disk.SmartFields;
import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;

import java.util.ArrayList;
import java.util.List;

/**
 * An ATA drive of a family the model was not trained on, judged by the classic SMART rule's error
 * counters (5, 187, 188, 197, 198) and its own health self-assessment: a failed self-assessment, or a
 * counter grown on a reading of the last {@value HealthMemory#GROWTH_DAYS} days, is bad; any counter
 * above 0 a warning. The last reason says that the failure model does not cover the drive's family (the
 * first ones are what an operator acts on). Unknown when the sample has none of these.
 */
final class CounterHealth {
    static final String VERSION = "smart-counters-v1";

    private CounterHealth() {
    }

    static Assessment assess(HealthReading r, HealthMemory after, Families families) {
        String notCovered = "drive model " + (r.model().isEmpty() ? "(unnamed)" : r.model())
                + " is outside the failure model's families (" + families + ")";
        List<String> present = new ArrayList<>();
        for (HealthField f : HealthField.SMART_RULE) {
            if (r.has(f)) present.add(Integer.toString(SmartFields.rawAttributeId(f.field)));
        }
        if (present.isEmpty() && !r.has(HealthField.SMART_STATUS_PASSED)) {
            return new Assessment(Assessor.SMART_COUNTERS, VERSION, Bucket.UNKNOWN,
                    List.of("the sample has none of SMART 5, 187, 188, 197, 198", notCovered));
        }
        Verdict v = new Verdict();
        v.selfAssessment(r);
        for (HealthField f : HealthField.SMART_RULE) v.counter(f, r, after);
        List<String> reasons = new ArrayList<>();
        if (!v.isEmpty()) reasons.addAll(v.reasons());
        else reasons.add(present.isEmpty() ? "SMART health self-assessment passed" : "SMART " + String.join(", ", present) + " at 0");
        reasons.add(notCovered);
        return new Assessment(Assessor.SMART_COUNTERS, VERSION, v.bucket(), reasons);
    }
}
