package io.harbinger.predict.eval;

import io.harbinger.schema.prediction.Bucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Test data: a large random fleet of the size of a real test period, for timing. */
final class Fleets {
    private Fleets() {
    }

    /** {@code drives} drives over {@code days} days, 1 in 300 failing, probabilities skewed low; seeded. */
    static List<DriveScores> large(int drives, int days) {
        SplittableRandom random = new SplittableRandom(1);
        List<DriveScores> fleet = new ArrayList<>(drives);
        for (int i = 0; i < drives; i++) {
            boolean fails = random.nextInt(300) == 0;
            int last = fails ? random.nextInt(days) : days - 1;
            double base = Math.pow(random.nextDouble(), 4);
            List<ScoredDay> scored = new ArrayList<>(last + 1);
            for (int d = 0; d <= last; d++) {
                double p = Math.min(1, base * random.nextDouble() * (fails && last - d < 10 ? 3 : 1));
                scored.add(new ScoredDay(Drives.day(d), p, base > 0.5, base > 0.6 && random.nextInt(10) == 0, p >= 0.5 ? Bucket.BAD : Bucket.GOOD));
            }
            Optional<LocalDate> failedOn = fails ? Optional.of(Drives.day(last)) : Optional.empty();
            fleet.add(new DriveScores("d" + i, failedOn, scored));
        }
        return fleet;
    }
}
