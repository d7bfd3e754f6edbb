package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Bucket;

/**
 * The operating points of a model, chosen on validation data by {@code harbinger train}, on calibrated
 * risks ({@link Calibration}): a drive is {@link Bucket#BAD} (and alerted) when its risk of failing within
 * the horizon is at or above {@code alert}; otherwise {@link Bucket#UNKNOWN} below {@code minHistoryDays}
 * of history; otherwise {@link Bucket#WARNING} when its risk of failing within the (longer) warning
 * horizon is at or above {@code warning}; otherwise {@link Bucket#GOOD}. The two thresholds are on two
 * different risks, so neither bounds the other.
 */
public record AlertThresholds(double alert, double warning, int minHistoryDays) {
    public AlertThresholds {
        if (!(alert > 0 && alert <= 1)) throw new IllegalArgumentException("alert threshold must be in (0, 1], was " + alert);
        if (!(warning > 0 && warning <= 1)) throw new IllegalArgumentException("warning threshold must be in (0, 1], was " + warning);
        if (minHistoryDays < 0) throw new IllegalArgumentException("minHistoryDays must be >= 0, was " + minHistoryDays);
    }

    /**
     * @param risk        calibrated risk of failing within the model's horizon
     * @param warningRisk calibrated risk of failing within its warning horizon
     * @param historyDays the drive's days of history
     */
    public Bucket bucket(double risk, double warningRisk, long historyDays) {
        if (risk >= alert) return Bucket.BAD;
        if (historyDays < minHistoryDays) return Bucket.UNKNOWN;
        return warningRisk >= warning ? Bucket.WARNING : Bucket.GOOD;
    }
}
