package io.harbinger.schema.read;

import io.harbinger.schema.prediction.Bucket;

/** Drives per bucket (each drive counted once, by one of its predictions). */
public record BucketCounts(long good, long warning, long bad, long unknown) {
    public static final BucketCounts NONE = new BucketCounts(0, 0, 0, 0);

    public BucketCounts {
        if (good < 0 || warning < 0 || bad < 0 || unknown < 0) throw new IllegalArgumentException("counts must be >= 0");
    }

    /** Every drive counted. */
    public long drives() {
        return good + warning + bad + unknown;
    }

    /** These counts with {@code n} more drives in {@code bucket}. */
    public BucketCounts plus(Bucket bucket, long n) {
        return switch (bucket) {
            case GOOD -> new BucketCounts(good + n, warning, bad, unknown);
            case WARNING -> new BucketCounts(good, warning + n, bad, unknown);
            case BAD -> new BucketCounts(good, warning, bad + n, unknown);
            case UNKNOWN -> new BucketCounts(good, warning, bad, unknown + n);
        };
    }

    public BucketCounts plus(BucketCounts other) {
        return new BucketCounts(good + other.good, warning + other.warning, bad + other.bad, unknown + other.unknown);
    }
}
