package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Bucket;

/**
 * The operating points of a model, chosen on validation data by {@code harbinger train}: a drive is
 * {@link Bucket#BAD} (and alerted) at or above {@code alert}, {@link Bucket#WARNING} at or above
 * {@code warning}; below {@code minHistoryDays} of history a drive that is not bad is {@link Bucket#UNKNOWN}.
 */
public record AlertThresholds(double alert, double warning, int minHistoryDays) {
    public AlertThresholds {
        if (!(alert > 0 && alert <= 1)) throw new IllegalArgumentException("alert threshold must be in (0, 1], was " + alert);
        if (!(warning > 0 && warning <= alert)) {
            throw new IllegalArgumentException("warning threshold must be in (0, alert threshold " + alert + "], was " + warning);
        }
        if (minHistoryDays < 0) throw new IllegalArgumentException("minHistoryDays must be >= 0, was " + minHistoryDays);
    }

    public Bucket bucket(double probability, long historyDays) {
        if (probability >= alert) return Bucket.BAD;
        if (historyDays < minHistoryDays) return Bucket.UNKNOWN;
        return probability >= warning ? Bucket.WARNING : Bucket.GOOD;
    }
}
