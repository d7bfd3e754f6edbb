package io.harbinger.core.admit;

/**
 * Per-item limits every parser enforces, each failing with its own {@link io.harbinger.core.parse.RejectReason}.
 *
 * @param maxLineBytes  longest accepted text line (line protocol, CSV row)
 * @param maxTags       most tags on one point (region and host included)
 * @param maxFields     most fields on one point
 * @param maxNameBytes  longest measurement, tag or field name, and tag value
 */
public record IngestLimits(int maxLineBytes, int maxTags, int maxFields, int maxNameBytes) {
    public static final IngestLimits DEFAULTS = new IngestLimits(64 * 1024, 64, 512, 256);

    public IngestLimits {
        requirePositive(maxLineBytes, "maxLineBytes");
        requirePositive(maxTags, "maxTags");
        requirePositive(maxFields, "maxFields");
        requirePositive(maxNameBytes, "maxNameBytes");
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
}
