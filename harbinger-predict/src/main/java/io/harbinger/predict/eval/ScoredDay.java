package io.harbinger.predict.eval;

import io.harbinger.schema.prediction.Bucket;
import java.time.LocalDate;

/**
 * One scored drive-day: what each of the three predictors said about the drive that day.
 *
 * @param day         the day of the SMART sample
 * @param probability the model's calibrated risk that the drive fails within the horizon, 0..1, after the
 *                    alarm policy (the score the alarm compares with its threshold)
 * @param ruleFlag    whether the classic SMART rule fires that day: any of raw SMART 5, 187, 188, 197 or
 *                    198 above 0; the caller computes it
 * @param deltaFlag   whether the delta rule fires that day: any of raw SMART 5, 187, 188, 197 or 198 grew
 *                    within the last 7 days (rose from one sample to the next at least once within the
 *                    7 days ending that day); the caller computes it
 * @param bucket      the model's bucket that day (bad, warning, good or unknown)
 */
public record ScoredDay(LocalDate day, double probability, boolean ruleFlag, boolean deltaFlag, Bucket bucket) {
    public ScoredDay {
        if (day == null) throw new IllegalArgumentException("day must be non-null");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in 0..1, was " + probability + " on " + day);
        }
        if (bucket == null) throw new IllegalArgumentException("bucket must be non-null on " + day);
    }
}
