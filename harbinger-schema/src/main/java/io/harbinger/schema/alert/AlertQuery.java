package io.harbinger.schema.alert;

import java.util.Optional;

/**
 * Which alerts to list, newest first ({@code activeAt} descending, then id).
 *
 * @param states which states: see {@link Selection}
 * @param region only this region, when given
 * @param host   only this host, when given
 * @param limit  1..1000
 * @param cursor the previous page's {@link AlertPage#nextCursor()}, when given
 */
public record AlertQuery(Selection states, Optional<String> region, Optional<String> host, int limit, Optional<AlertCursor> cursor) {
    public static final int MAX_LIMIT = 1000;

    /** The {@code state} parameter of the alerts list. */
    public enum Selection {
        FIRING, PENDING, RESOLVED, ACKNOWLEDGED, ACTIVE, ALL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Selection> find(String label) {
            for (Selection s : values()) {
                if (s.label().equals(label)) return Optional.of(s);
            }
            return Optional.empty();
        }

        /** Whether an alert in {@code state}, acknowledged or not, is selected. */
        public boolean selects(AlertState state, boolean acknowledged) {
            return switch (this) {
                case FIRING -> state == AlertState.FIRING;
                case PENDING -> state == AlertState.PENDING;
                case RESOLVED -> state == AlertState.RESOLVED;
                case ACKNOWLEDGED -> acknowledged && state != AlertState.RESOLVED;
                case ACTIVE -> state != AlertState.RESOLVED;
                case ALL -> true;
            };
        }
    }

    public AlertQuery {
        if (states == null || region == null || host == null || cursor == null) throw new IllegalArgumentException("use Optional.empty() for absent filters");
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
}
