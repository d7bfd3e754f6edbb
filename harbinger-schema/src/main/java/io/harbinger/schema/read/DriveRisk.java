package io.harbinger.schema.read;

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
 */
public record DriveRisk(String region, String host, String drive, Optional<String> driveModel, Instant ts, double probability,
                        String bucket, String modelVersion, List<String> reasons, List<Contribution> topFeatures) {
    public DriveRisk {
        reasons = List.copyOf(reasons);
        topFeatures = List.copyOf(topFeatures);
    }

    /** This prediction with other reasons (e.g. sharpened with the drive's SMART history). */
    public DriveRisk withReasons(List<String> sharper) {
        return new DriveRisk(region, host, drive, driveModel, ts, probability, bucket, modelVersion, sharper, topFeatures);
    }

    /** Where it stands in the at-risk order. */
    public Cursor.AtRisk position() {
        return new Cursor.AtRisk(probability, region, host, drive);
    }
}
