package io.harbinger.predict.eval;

import io.harbinger.schema.prediction.Bucket;

/**
 * One row of the reliability table: the drive-days the model put in {@code bucket}.
 *
 * @param bucket     the bucket
 * @param withinDays the window: a day counts as failed when its drive failed within this many days of it
 * @param drives     distinct drives with at least one day in the bucket
 * @param observed   the drive-days and what became of them
 */
public record BucketRow(Bucket bucket, int withinDays, int drives, Observed observed) {
    public BucketRow {
        if (bucket == null || observed == null) throw new IllegalArgumentException("bucket and observed must be non-null");
        if (withinDays < 1) throw new IllegalArgumentException("withinDays must be >= 1, was " + withinDays);
        if (drives < 0 || drives > observed.driveDays()) throw new IllegalArgumentException("drives must be in 0..driveDays (" + observed.driveDays() + "), was " + drives);
    }
}
