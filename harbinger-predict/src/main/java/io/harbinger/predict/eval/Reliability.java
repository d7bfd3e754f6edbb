package io.harbinger.predict.eval;

import io.harbinger.schema.prediction.Bucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the buckets and the probability mean, read off what became of the drives: the reliability table
 * (per bucket, the share of its drive-days whose drive failed soon after) and the calibration table (per
 * bin of probability, the mean probability against the share that failed within the horizon).
 *
 * <p>A drive-day d of a drive failing on F <b>failed within W days</b> when {@code 0 <= F - d < W} (the
 * same convention as the evaluation's window: W days counting d itself). W is {@code badWithinDays}
 * (default {@value #DEFAULT_BAD_WITHIN_DAYS}) for {@code bad} days, {@code warningWithinDays} (default
 * {@value #DEFAULT_WARNING_WITHIN_DAYS}) for {@code warning}, {@code good} and {@code unknown} days, and
 * the horizon for the calibration table. The period ends on its <b>last day</b>: the latest scored or
 * failure day of any drive (none when there is no such day: then the tables are empty). A day whose window runs past it ({@code d + W - 1 > last day}) is
 * <b>censored</b>: left out and counted apart, <em>whether or not its drive failed</em>. Only the days
 * whose drive did not fail have an unknown outcome, but leaving out only those would keep every failure
 * near the end of the period and drop the survivals beside it, biasing the share upward (with a 42-day
 * window over a 90-day period, by nearly half); censoring by the day alone keeps the share an unbiased
 * estimate over the days with a whole window. A drive that leaves the fleet without a failure row counts
 * as not failed, as in the evaluation.
 */
public record Reliability(int horizonDays, int badWithinDays, int warningWithinDays, Optional<LocalDate> lastDay,
                          List<BucketRow> buckets, List<CalibrationBin> calibration) {
    public static final int DEFAULT_BAD_WITHIN_DAYS = 14;
    public static final int DEFAULT_WARNING_WITHIN_DAYS = 42;
    /** Bin edges of the calibration table; the last bin includes 1. */
    static final double[] BIN_EDGES = {0, 0.001, 0.01, 0.05, 0.2, 1};
    private static final List<Bucket> ORDER = List.of(Bucket.BAD, Bucket.WARNING, Bucket.GOOD, Bucket.UNKNOWN);

    public Reliability {
        if (horizonDays < 1 || badWithinDays < 1 || warningWithinDays < 1) {
            throw new IllegalArgumentException("horizonDays, badWithinDays and warningWithinDays must be >= 1, were " + horizonDays + ", " + badWithinDays + ", " + warningWithinDays);
        }
        if (lastDay == null) throw new IllegalArgumentException("lastDay must be non-null (empty when no drive has a scored or failure day)");
        buckets = List.copyOf(buckets);
        calibration = List.copyOf(calibration);
    }

    /** Over the evaluation's drives, with its horizon for the calibration table. */
    public static Reliability of(Evaluation e, int badWithinDays, int warningWithinDays) {
        return of(e.drives(), e.horizonDays(), badWithinDays, warningWithinDays);
    }

    /** @throws IllegalArgumentException when {@code drives} is empty or holds a drive twice, or a window is below 1 day */
    public static Reliability of(List<DriveScores> drives, int horizonDays, int badWithinDays, int warningWithinDays) {
        DriveLevel.requireFleet(drives, horizonDays);
        if (badWithinDays < 1 || warningWithinDays < 1) {
            throw new IllegalArgumentException("badWithinDays and warningWithinDays must be >= 1, were " + badWithinDays + " and " + warningWithinDays);
        }
        Optional<LocalDate> lastDay = lastDay(drives);
        LocalDate last = lastDay.orElse(LocalDate.MAX);  // without any day there is nothing to tally
        Map<Bucket, Observed.Tally> byBucket = new EnumMap<>(Bucket.class);
        Map<Bucket, Integer> drivesIn = new EnumMap<>(Bucket.class);
        ORDER.forEach(b -> {
            byBucket.put(b, new Observed.Tally());
            drivesIn.put(b, 0);
        });
        Observed.Tally[] bins = Stream.generate(Observed.Tally::new).limit(BIN_EDGES.length - 1).toArray(Observed.Tally[]::new);
        for (DriveScores drive : drives) {
            Set<Bucket> seen = EnumSet.noneOf(Bucket.class);
            for (ScoredDay day : drive.days()) {
                int within = day.bucket() == Bucket.BAD ? badWithinDays : warningWithinDays;
                tally(byBucket.get(day.bucket()), drive, day, within, last);
                tally(bins[bin(day.probability())], drive, day, horizonDays, last);
                seen.add(day.bucket());
            }
            seen.forEach(b -> drivesIn.merge(b, 1, Integer::sum));
        }
        List<BucketRow> rows = ORDER.stream()
                .map(b -> new BucketRow(b, b == Bucket.BAD ? badWithinDays : warningWithinDays, drivesIn.get(b), byBucket.get(b).observed())).toList();
        return new Reliability(horizonDays, badWithinDays, warningWithinDays, lastDay, rows, calibrationBins(bins));
    }

    /** The row of {@code bucket}. */
    public BucketRow bucket(Bucket bucket) {
        return buckets.stream().filter(r -> r.bucket() == bucket).findFirst().orElseThrow();
    }

    private static void tally(Observed.Tally tally, DriveScores drive, ScoredDay day, int withinDays, LocalDate last) {
        boolean failedWithin = drive.failedOn().map(f -> DriveLevel.inWindow(day.day(), f, withinDays)).orElse(false);
        boolean censored = day.day().plusDays(withinDays - 1L).isAfter(last);
        tally.add(day.probability(), failedWithin, censored);
    }

    private static int bin(double probability) {
        for (int k = 1; k < BIN_EDGES.length - 1; k++) if (probability < BIN_EDGES[k]) return k - 1;
        return BIN_EDGES.length - 2;
    }

    private static List<CalibrationBin> calibrationBins(Observed.Tally[] bins) {
        List<CalibrationBin> out = new ArrayList<>();
        for (int k = 0; k < bins.length; k++) out.add(new CalibrationBin(BIN_EDGES[k], BIN_EDGES[k + 1], k == bins.length - 1, bins[k].observed()));
        return out;
    }

    /** The latest scored or failure day of any drive; empty when there is none. */
    private static Optional<LocalDate> lastDay(List<DriveScores> drives) {
        return drives.stream()
                .flatMap(d -> Stream.concat(d.days().stream().map(ScoredDay::day), d.failedOn().stream()))
                .max(LocalDate::compareTo);
    }
}
