package io.harbinger.predict.eval;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The drive-level rules shared by the evaluation and the threshold choice (see {@link Evaluation}). */
final class DriveLevel {
    private DriveLevel() {
    }

    static void requireFleet(List<DriveScores> drives, int horizonDays) {
        if (drives == null || drives.isEmpty()) throw new IllegalArgumentException("drives must be a non-empty list");
        if (horizonDays < 1) throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
        Set<String> seen = new HashSet<>();
        for (DriveScores d : drives) {
            if (d == null) throw new IllegalArgumentException("drives must not contain null");
            if (!seen.add(d.drive())) throw new IllegalArgumentException("drive " + d.drive() + " appears more than once");
        }
    }

    /** Whether {@code day} is in the window of a drive failing on {@code failedOn}: {@code 0 <= F - d < H}. */
    static boolean inWindow(LocalDate day, LocalDate failedOn, int horizonDays) {
        long before = ChronoUnit.DAYS.between(day, failedOn);
        return before >= 0 && before < horizonDays;
    }

    /**
     * What one predictor did to one drive (see {@link Evaluation}).
     *
     * @param failed     the drive failed in the period
     * @param recalled   failed, and flagged on a day of its window
     * @param falseAlarm healthy, and flagged on a day of the period
     * @param earlyOnly  failed, flagged, but only before its window
     * @param leadDays   for a recalled drive, the failure day minus its first flagged day; -1 otherwise
     */
    record Outcome(boolean failed, boolean recalled, boolean falseAlarm, boolean earlyOnly, int leadDays) {
    }

    static Outcome outcome(DriveScores drive, int horizonDays, Predicate<ScoredDay> flagged) {
        Optional<ScoredDay> first = drive.days().stream().filter(flagged).findFirst();
        if (drive.failedOn().isEmpty()) return new Outcome(false, false, first.isPresent(), false, -1);
        LocalDate failedOn = drive.failedOn().get();
        boolean recalled = drive.days().stream().anyMatch(day -> inWindow(day.day(), failedOn, horizonDays) && flagged.test(day));
        int lead = recalled ? (int) ChronoUnit.DAYS.between(first.orElseThrow().day(), failedOn) : -1;
        return new Outcome(true, recalled, false, !recalled && first.isPresent(), lead);
    }

    /** The drive-level counts of the predictor that flags the days {@code flagged} accepts. */
    static Metrics metrics(List<DriveScores> drives, int horizonDays, Predicate<ScoredDay> flagged) {
        int failed = 0, recalled = 0, falseAlarms = 0, earlyOnly = 0;
        List<Integer> leadTimes = new ArrayList<>();
        for (DriveScores drive : drives) {
            Outcome o = outcome(drive, horizonDays, flagged);
            if (o.failed()) failed++;
            if (o.recalled()) {
                recalled++;
                leadTimes.add(o.leadDays());
            }
            if (o.falseAlarm()) falseAlarms++;
            if (o.earlyOnly()) earlyOnly++;
        }
        return new Metrics(drives.size(), failed, drives.size() - failed, recalled, falseAlarms, earlyOnly, new LeadTimes(horizonDays, leadTimes));
    }

    /**
     * The drive's score for the PR curve: the highest probability over its window if it failed, over the
     * whole period if not; {@link Double#NEGATIVE_INFINITY} when it has no such day (no threshold flags it).
     */
    static double score(DriveScores drive, int horizonDays) {
        return drive.days().stream()
                .filter(day -> drive.failedOn().map(f -> inWindow(day.day(), f, horizonDays)).orElse(true))
                .mapToDouble(ScoredDay::probability)
                .max().orElse(Double.NEGATIVE_INFINITY);
    }
}
