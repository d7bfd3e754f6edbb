package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Prediction;

import java.util.List;

/**
 * A rule's judgement of one sample: who judged, under which rule version, the bucket and why.
 *
 * @param reasons sentences a person reads, worst first; for a good or unknown drive what was seen
 */
public record Assessment(Assessor assessor, String ruleVersion, Bucket bucket, List<String> reasons) {
    public Assessment {
        if (assessor == null || assessor == Assessor.MODEL) throw new IllegalArgumentException("an assessment is a rule's, not the model's: " + assessor);
        if (ruleVersion == null || ruleVersion.isEmpty()) throw new IllegalArgumentException("ruleVersion must be non-empty");
        if (bucket == null) throw new IllegalArgumentException("bucket must be non-null");
        reasons = List.copyOf(reasons);
    }

    /** As a prediction: no probability, the reasons as its facts. */
    public Prediction toPrediction() {
        return Prediction.ofRule(assessor, ruleVersion, bucket, reasons);
    }
}
