package io.harbinger.schema.prediction;

/**
 * Life expectancy in Ceph's terms. The model predicts failure within its horizon (10 days by
 * default); the buckets are read off that probability with the thresholds chosen on validation data
 * (the model's alert thresholds): at or above the alert threshold {@link #BAD}, at or above the warning
 * threshold {@link #WARNING}, else {@link #GOOD}; {@link #UNKNOWN} when the drive has too little history
 * to call it good or warning. They are labels for operators, not calibrated survival estimates.
 */
public enum Bucket {
    /** expected to last more than 6 weeks */
    GOOD("good"),
    /** 2 to 6 weeks */
    WARNING("warning"),
    /** less than 2 weeks */
    BAD("bad"),
    /** too little history to say */
    UNKNOWN("unknown");

    private final String label;

    Bucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Bucket ofLabel(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("unknown bucket '" + label + "': expected good, warning, bad or unknown"));
    }

    /** The bucket labelled {@code label}, if any. */
    public static java.util.Optional<Bucket> find(String label) {
        for (Bucket b : values()) {
            if (b.label.equals(label)) return java.util.Optional.of(b);
        }
        return java.util.Optional.empty();
    }
}
