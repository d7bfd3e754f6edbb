package io.harbinger.parsers.lineprotocol;

import java.util.Optional;

/**
 * The unit of line protocol timestamps, as named by the HTTP {@code precision} query parameter.
 * Nanoseconds is the default. The accepted spellings are those of the InfluxDB 1.x {@code /write}
 * API ({@code n, ns, u, ms, s, m, h}) plus {@code us} from the 2.x API.
 */
public enum Precision {
    NANOSECONDS("ns", 1L),
    MICROSECONDS("us", 1_000L),
    MILLISECONDS("ms", 1_000_000L),
    SECONDS("s", 1_000_000_000L),
    MINUTES("m", 60_000_000_000L),
    HOURS("h", 3_600_000_000_000L);

    /** For error messages of the HTTP layer: every value {@link #fromQueryParameter} accepts. */
    public static final String ACCEPTED_VALUES = "n, ns, u, us, ms, s, m, h";

    private final String queryValue;
    private final long nanos;

    Precision(String queryValue, long nanos) {
        this.queryValue = queryValue;
        this.nanos = nanos;
    }

    /**
     * The precision named by a {@code precision} query parameter value; an absent ({@code null}) or
     * empty parameter means {@link #NANOSECONDS}, as in InfluxDB. Case-sensitive.
     *
     * @return empty when the value names no precision (the caller answers 400 naming {@link #ACCEPTED_VALUES})
     */
    public static Optional<Precision> fromQueryParameter(String value) {
        if (value == null) return Optional.of(NANOSECONDS);
        return switch (value) {
            case "", "n", "ns" -> Optional.of(NANOSECONDS);
            case "u", "us" -> Optional.of(MICROSECONDS);
            case "ms" -> Optional.of(MILLISECONDS);
            case "s" -> Optional.of(SECONDS);
            case "m" -> Optional.of(MINUTES);
            case "h" -> Optional.of(HOURS);
            default -> Optional.empty();
        };
    }

    /** The canonical query parameter value, e.g. {@code ms}. */
    public String queryValue() {
        return queryValue;
    }

    /** How many nanoseconds one timestamp unit is. */
    long nanosPerUnit() {
        return nanos;
    }
}
