package io.harbinger.alert;

import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.ScoredSample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Scored samples for tests: a drive's prediction at an instant. */
public final class Samples {
    public static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private Samples() {
    }

    public static ScoredSample sample(String host, String drive, Instant at, Bucket bucket, double p) {
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        return new ScoredSample("eu-1", host, drive, nanos, new Prediction("m1", p, bucket,
                List.of(new Contribution("smart_197_raw", 1.92), new Contribution("smart_5_raw", 0.4))));
    }

    public static ScoredSample bad(String host, String drive, Duration after) {
        return sample(host, drive, T0.plus(after), Bucket.BAD, 0.83);
    }

    public static ScoredSample good(String host, String drive, Duration after) {
        return sample(host, drive, T0.plus(after), Bucket.GOOD, 0.01);
    }
}
