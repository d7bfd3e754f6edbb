package io.harbinger.predict.eval;

import java.time.LocalDate;

/**
 * One scored drive-day.
 *
 * @param day         the day of the SMART sample
 * @param probability the model's probability that the drive fails within the horizon, 0..1
 * @param ruleFlag    whether the classic SMART rule fires that day (any of raw SMART 5, 187, 188, 197
 *                    or 198 above 0); the caller computes it
 */
public record ScoredDay(LocalDate day, double probability, boolean ruleFlag) {
    public ScoredDay {
        if (day == null) throw new IllegalArgumentException("day must be non-null");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in 0..1, was " + probability + " on " + day);
        }
    }
}
