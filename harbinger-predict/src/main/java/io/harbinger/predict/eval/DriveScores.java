package io.harbinger.predict.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One drive's scored days in the evaluation period.
 *
 * @param drive    the drive's identity (serial number, or model and serial)
 * @param failedOn the day of the drive's failure row if it failed inside the period; empty for healthy
 *                 drives <em>and</em> for drives that disappear without a failure row (decommissioned,
 *                 not failed), which therefore count as healthy
 * @param days     the scored days, strictly increasing (no duplicate day), none after {@code failedOn};
 *                 may be empty (the drive then can never be flagged)
 */
public record DriveScores(String drive, Optional<LocalDate> failedOn, List<ScoredDay> days) {
    public DriveScores {
        if (drive == null || drive.isBlank()) throw new IllegalArgumentException("drive must be non-blank");
        if (failedOn == null) throw new IllegalArgumentException("failedOn must be non-null (Optional.empty() for a drive that did not fail), drive " + drive);
        days = List.copyOf(days);
        requireIncreasing(drive, days);
        if (failedOn.isPresent()) requireNothingAfter(drive, failedOn.get(), days);
    }

    /** A drive that failed on {@code failedOn}. */
    public static DriveScores failed(String drive, LocalDate failedOn, List<ScoredDay> days) {
        return new DriveScores(drive, Optional.of(failedOn), days);
    }

    /** A drive that did not fail in the period (healthy, or gone without a failure row). */
    public static DriveScores healthy(String drive, List<ScoredDay> days) {
        return new DriveScores(drive, Optional.empty(), days);
    }

    public boolean hasFailed() {
        return failedOn.isPresent();
    }

    private static void requireIncreasing(String drive, List<ScoredDay> days) {
        for (int i = 1; i < days.size(); i++) {
            LocalDate previous = days.get(i - 1).day();
            LocalDate current = days.get(i).day();
            if (!current.isAfter(previous)) {
                String problem = current.equals(previous) ? "duplicate day " + current : current + " after " + previous;
                throw new IllegalArgumentException("days of drive " + drive + " must be strictly increasing: " + problem + " at index " + i);
            }
        }
    }

    private static void requireNothingAfter(String drive, LocalDate failedOn, List<ScoredDay> days) {
        if (!days.isEmpty() && days.getLast().day().isAfter(failedOn)) {
            throw new IllegalArgumentException("drive " + drive + " failed on " + failedOn + " but has a scored day after it: " + days.getLast().day());
        }
    }
}
