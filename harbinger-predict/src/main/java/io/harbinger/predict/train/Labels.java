package io.harbinger.predict.train;

import java.util.Map;

/**
 * The label of a drive-day for training: 1 when the drive fails within the horizon (its failure day F
 * satisfies {@code 0 <= F - day < horizon}), 0 when it is known not to, and no label (the row is not
 * used) when that is not known: a day after the drive's failure, or a day of a drive with no failure
 * up to {@code lastKnownDay} that lies within the horizon of it (it may fail just after). A drive that
 * disappears without a failure row was decommissioned: its days are 0.
 */
public record Labels(Map<String, Long> failureDays, int horizonDays, long lastKnownDay) {
    public static final int POSITIVE = 1;
    public static final int NEGATIVE = 0;
    public static final int UNKNOWN = -1;

    public Labels {
        failureDays = Map.copyOf(failureDays);
        if (horizonDays < 1) throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
    }

    public int of(String drive, long day) {
        Long failed = failureDays.get(drive);
        if (failed == null) return day + horizonDays - 1 > lastKnownDay ? UNKNOWN : NEGATIVE; // horizon day..day+h-1 not all known
        long ahead = failed - day;
        if (ahead < 0) return UNKNOWN;
        return ahead < horizonDays ? POSITIVE : NEGATIVE;
    }
}
