package io.harbinger.predict.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of the failures the counters could reveal at all: for the horizon's window and, when the
 * horizon is shorter, the {@value #LONG_WINDOW_DAYS} days before the failure (the days the drive has in
 * the period), how many failed drives had a counter above 0 (SMART rule), a counter grow (delta rule),
 * either, or neither. The share with neither bounds the recall of any predictor over these counters.
 */
public record Ceiling(List<CeilingRow> windows) {
    public static final int LONG_WINDOW_DAYS = 30;

    public Ceiling {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) throw new IllegalArgumentException("windows must be non-empty");
    }

    public static Ceiling of(Evaluation e) {
        return of(e.drives(), e.horizonDays());
    }

    /** @throws IllegalArgumentException when {@code drives} is empty or holds a drive twice, or {@code horizonDays < 1} */
    public static Ceiling of(List<DriveScores> drives, int horizonDays) {
        DriveLevel.requireFleet(drives, horizonDays);
        List<CeilingRow> rows = new ArrayList<>();
        rows.add(row(drives, horizonDays));
        if (horizonDays < LONG_WINDOW_DAYS) rows.add(row(drives, LONG_WINDOW_DAYS));
        return new Ceiling(rows);
    }

    /** The row of the horizon's window. */
    public CeilingRow horizon() {
        return windows.getFirst();
    }

    private static CeilingRow row(List<DriveScores> drives, int windowDays) {
        int failed = 0, nonZero = 0, growth = 0, any = 0, noDay = 0;
        for (DriveScores d : drives) {
            if (!d.hasFailed()) continue;
            failed++;
            LocalDate failedOn = d.failedOn().get();
            List<ScoredDay> window = d.days().stream().filter(day -> DriveLevel.inWindow(day.day(), failedOn, windowDays)).toList();
            boolean rule = window.stream().anyMatch(ScoredDay::ruleFlag), delta = window.stream().anyMatch(ScoredDay::deltaFlag);
            if (rule) nonZero++;
            if (delta) growth++;
            if (rule || delta) any++;
            else if (window.isEmpty()) noDay++;
        }
        return new CeilingRow(windowDays, failed, nonZero, growth, any, failed - any, noDay);
    }
}
