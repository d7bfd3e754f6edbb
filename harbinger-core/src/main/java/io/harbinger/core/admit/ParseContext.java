package io.harbinger.core.admit;

import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;

import java.util.List;

/**
 * Everything a parser needs to know beyond the bytes: defaults for points that do not name their
 * region or host (from query parameters or configuration), the server's "now" for points without a
 * timestamp and for the time window, and the limits. Pure value: the HTTP layer reads the clock once
 * per request and builds one of these.
 *
 * @param defaultRegion region for points without a {@code region} tag (never empty)
 * @param defaultHost   host for points without a {@code host} tag, or empty: such points are refused
 */
public record ParseContext(String defaultRegion, String defaultHost, long nowNanos, TimeWindow window, IngestLimits limits) {
    public ParseContext {
        if (defaultRegion == null || defaultRegion.isEmpty()) throw new IllegalArgumentException("defaultRegion must be non-empty");
        if (defaultHost == null) throw new IllegalArgumentException("defaultHost must be non-null (empty for none)");
        if (window == null) throw new IllegalArgumentException("window must be non-null");
        if (limits == null) throw new IllegalArgumentException("limits must be non-null");
    }

    public ParseContext withDefaultHost(String host) {
        return new ParseContext(defaultRegion, host, nowNanos, window, limits);
    }

    public ParseContext withDefaultRegion(String region) {
        return new ParseContext(region, defaultHost, nowNanos, window, limits);
    }

    /**
     * The checks every protocol shares, applied to a point a parser built: finite values, the time
     * window, tag and field counts.
     *
     * @return null when the point may be written, else why not
     */
    public Rejection admit(Point point, long line) {
        if (point.tags().size() + 2 > limits.maxTags()) {
            return new Rejection(RejectReason.TOO_MANY_TAGS, line,
                    (point.tags().size() + 2) + " tags (region and host included), at most " + limits.maxTags() + " allowed");
        }
        List<Field> fields = point.fields();
        if (fields.size() > limits.maxFields()) {
            return new Rejection(RejectReason.TOO_MANY_FIELDS, line, fields.size() + " fields, at most " + limits.maxFields() + " allowed");
        }
        for (Field f : fields) {
            if (!Double.isFinite(f.value())) {
                return new Rejection(RejectReason.NON_FINITE_VALUE, line, "field '" + f.name() + "' is " + f.value() + ", expected a finite number");
            }
        }
        return window.check(point.timestampNanos(), nowNanos, line);
    }
}
