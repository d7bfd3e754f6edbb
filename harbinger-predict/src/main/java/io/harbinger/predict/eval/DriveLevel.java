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

    /** The drive-level counts of the predictor that flags the days {@code flagged} accepts. */
    static Metrics metrics(List<DriveScores> drives, int horizonDays, Predicate<ScoredDay> flagged) {
        int failed = 0, recalled = 0, falseAlarms = 0, earlyOnly = 0;
        List<Integer> leadTimes = new ArrayList<>();
        for (DriveScores drive : drives) {
            Optional<ScoredDay> first = drive.days().stream().filter(flagged).findFirst();
            if (drive.failedOn().isEmpty()) {
                if (first.isPresent()) falseAlarms++;
                continue;
            }
            failed++;
            LocalDate failedOn = drive.failedOn().get();
            if (flaggedInWindow(drive, horizonDays, flagged)) {
                recalled++;
                leadTimes.add((int) ChronoUnit.DAYS.between(first.orElseThrow().day(), failedOn));
            } else if (first.isPresent()) {
                earlyOnly++;
            }
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

    private static boolean flaggedInWindow(DriveScores drive, int horizonDays, Predicate<ScoredDay> flagged) {
        LocalDate failedOn = drive.failedOn().orElseThrow();
        return drive.days().stream().anyMatch(day -> inWindow(day.day(), failedOn, horizonDays) && flagged.test(day));
    }
}
