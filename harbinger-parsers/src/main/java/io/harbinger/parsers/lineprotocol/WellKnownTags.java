package io.harbinger.parsers.lineprotocol;

/**
 * The tags with a meaning for routing: {@code region} and {@code host} (Telegraf's convention; no
 * other spelling is taken), and the drive identity, the first present of {@code serial}, {@code drive},
 * {@code disk}, {@code device} in that order of preference.
 */
final class WellKnownTags {
    static final int NONE = io.harbinger.core.point.DriveTags.NONE;
    static final int HOST = 1;
    static final int REGION = 2;

    private WellKnownTags() {
    }

    /** @return {@link #HOST}, {@link #REGION} or {@link #NONE} for the raw (unescaped) key {@code b[from, from+length)} */
    static int routingKey(byte[] b, int from, int length) {
        if (length == 4 && b[from] == 'h' && b[from + 1] == 'o' && b[from + 2] == 's' && b[from + 3] == 't') return HOST;
        if (length == 6 && b[from] == 'r' && b[from + 1] == 'e' && b[from + 2] == 'g' && b[from + 3] == 'i'
                && b[from + 4] == 'o' && b[from + 5] == 'n') return REGION;
        return NONE;
    }
}
