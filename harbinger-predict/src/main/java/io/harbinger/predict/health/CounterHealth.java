package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;

import java.util.ArrayList;
import java.util.List;

/**
 * An ATA drive of a family the model was not trained on, judged by the classic SMART rule's error
 * counters (5, 187, 188, 197, 198): one of them grown since the previous reading is bad, any above 0 a
 * warning. The first reason says that the model does not cover the drive's family. Unknown when the
 * sample has none of the counters.
 */
final class CounterHealth {
    static final String VERSION = "smart-counters-v1";

    private CounterHealth() {
    }

    static Assessment assess(HealthReading r, HealthMemory previous, Families families) {
        String notCovered = "drive model " + r.model() + " is not among the families the model was trained on (" + families
                + "): judged by its SMART error counters";
        boolean any = false;
        for (HealthField f : HealthField.SMART_RULE) any |= r.has(f);
        if (!any) {
            return new Assessment(Assessor.SMART_COUNTERS, VERSION, Bucket.UNKNOWN,
                    List.of(notCovered, "the sample has none of SMART 5, 187, 188, 197, 198"));
        }
        Verdict v = new Verdict();
        for (HealthField f : HealthField.SMART_RULE) v.counter(f, r, previous);
        List<String> reasons = new ArrayList<>();
        reasons.add(notCovered);
        reasons.addAll(v.isEmpty() ? List.of("SMART 5, 187, 188, 197, 198 all at 0") : v.reasons());
        return new Assessment(Assessor.SMART_COUNTERS, VERSION, v.bucket(), reasons);
    }
}
