package io.harbinger.predict.eval;

/**
 * One bar of the lead-time histogram: recalled drives whose lead time is in {@code fromDays..toDays}.
 *
 * @param label    {@code "3"} for a one-day bin, {@code "10-29"} for a range, {@code ">=30"} for the open end
 * @param fromDays the lowest lead time in the bin, inclusive
 * @param toDays   the highest lead time in the bin, inclusive; {@link Integer#MAX_VALUE} for the open end
 * @param count    the number of recalled drives in the bin
 */
public record LeadTimeBin(String label, int fromDays, int toDays, int count) {
    public LeadTimeBin {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label must be non-blank");
        if (fromDays < 0 || toDays < fromDays) throw new IllegalArgumentException("bin " + label + " must have 0 <= fromDays <= toDays, was " + fromDays + ".." + toDays);
        if (count < 0) throw new IllegalArgumentException("count of bin " + label + " must be >= 0, was " + count);
    }
}
