package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Contribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A drive's prediction as a person reads it: where the drive is, what the model said and why.
 *
 * @param driveModel  the drive model of the sample scored, when the sample named it
 * @param bucket      good, warning, bad or unknown
 * @param reasons     sentences ({@link io.harbinger.schema.prediction.Reasons}), most important first
 * @param topFeatures the contributions behind the score with each feature's value, largest magnitude first
 * @param assessor    who judged: {@code model} (the failure model; {@code probability} is its risk), or a rule for
 *                    drives it was not trained on ({@code nvme-health-log}, {@code scsi-health-log},
 *                    {@code smart-counters}; probability 0, the bucket is the rule's)
 * @param facts       what was observed, as stored with the prediction: a rule's reasons, or the facts behind a
 *                    model's top features; the {@code reasons} tell them first
 */
public record DriveRisk(String region, String host, String drive, Optional<String> driveModel, Instant ts, double probability,
                        String bucket, String modelVersion, List<String> reasons, List<Contribution> topFeatures,
                        String assessor, List<String> facts) {
    public DriveRisk {
        reasons = List.copyOf(reasons);
        topFeatures = List.copyOf(topFeatures);
        facts = List.copyOf(facts);
    }

    /** The model's prediction, without facts. */
    public DriveRisk(String region, String host, String drive, Optional<String> driveModel, Instant ts, double probability,
                     String bucket, String modelVersion, List<String> reasons, List<Contribution> topFeatures) {
        this(region, host, drive, driveModel, ts, probability, bucket, modelVersion, reasons, topFeatures, Assessor.MODEL.label(), List.of());
    }

    /** This prediction with other reasons (e.g. sharpened with the drive's SMART history). */
    public DriveRisk withReasons(List<String> sharper) {
        return new DriveRisk(region, host, drive, driveModel, ts, probability, bucket, modelVersion, sharper, topFeatures, assessor, facts);
    }

    /** Whether the failure model judged it (not a health-log or counter rule). */
    public boolean byModel() {
        return Assessor.MODEL.label().equals(assessor);
    }

    /** Where it stands in the at-risk order. */
    public Cursor.AtRisk position() {
        return new Cursor.AtRisk(probability, region, host, drive);
    }
}
