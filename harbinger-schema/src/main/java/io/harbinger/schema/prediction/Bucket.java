package io.harbinger.schema.prediction;

/**
 * Life expectancy in Ceph's terms. For the failure model, buckets are read off calibrated risks
 * (docs/adr/0011): {@link #BAD} when the risk of failing within its horizon (2 weeks by default) is at or
 * above the alert threshold, {@link #WARNING} when the risk of failing within its warning window (6
 * weeks) is at or above the warning threshold, else {@link #GOOD}; {@link #UNKNOWN} when the drive has too
 * little history to call it good or warning. Health-log assessments (NVMe, SCSI, drives outside the
 * model's families) use the same scheme by rule, with their reasons.
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
