package io.harbinger.schema.prediction;

import java.util.List;

/**
 * One scored drive sample.
 *
 * @param modelVersion names what judged it: the model's version ({@code xgb-...}) or the rule's
 *                     ({@code nvme-health-v1}, ...)
 * @param probability  the model's probability of failure within its horizon, 0..1; 0 when the assessor is
 *                     not the model (the health-log and counter rules give a bucket, not a probability)
 * @param topFeatures  the model's features that contributed most, largest magnitude first (empty for other assessors)
 * @param assessor     who judged it
 * @param facts        what was observed, in sentences a person reads ("available spare 3% is below its
 *                     threshold 10%"; "SMART 197 current pending sectors 0 -> 24 in 3 days"): the reasons of
 *                     a rule's bucket, or the facts behind a model's; may be empty
 */
public record Prediction(String modelVersion, double probability, Bucket bucket, List<Contribution> topFeatures,
                         Assessor assessor, List<String> facts) {
    public Prediction {
        if (modelVersion == null || modelVersion.isEmpty()) throw new IllegalArgumentException("modelVersion must be non-empty");
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in 0..1, was " + probability);
        if (bucket == null) throw new IllegalArgumentException("bucket must be non-null");
        if (assessor == null) throw new IllegalArgumentException("assessor must be non-null");
        topFeatures = List.copyOf(topFeatures);
        facts = List.copyOf(facts);
        for (String f : facts) {
            if (f.isEmpty()) throw new IllegalArgumentException("a fact must be non-empty");
        }
    }

    /** The model's prediction, without facts. */
    public Prediction(String modelVersion, double probability, Bucket bucket, List<Contribution> topFeatures) {
        this(modelVersion, probability, bucket, topFeatures, Assessor.MODEL, List.of());
    }

    /** A rule's judgement (not the model's): no probability, no contributions; {@code reasons} say why. */
    public static Prediction ofRule(Assessor assessor, String ruleVersion, Bucket bucket, List<String> reasons) {
        if (assessor == Assessor.MODEL) throw new IllegalArgumentException("a rule's judgement needs a rule assessor, not the model");
        return new Prediction(ruleVersion, 0, bucket, List.of(), assessor, reasons);
    }

    /** This prediction with {@code observed} as its facts. */
    public Prediction withFacts(List<String> observed) {
        return new Prediction(modelVersion, probability, bucket, topFeatures, assessor, observed);
    }
}
