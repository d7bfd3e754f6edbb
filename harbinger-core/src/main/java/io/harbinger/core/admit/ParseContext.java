package io.harbinger.core.admit;

import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.core.text.ControlCharacters;

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
     * The checks every protocol shares, applied to a point a parser built: tag and field counts, no
     * control character in any name or tag value (so none reaches a host or drive identity, whatever
     * the protocol), finite values, the time window.
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
        Rejection control = controlCharacter(point, line);
        if (control != null) return control;
        for (Field f : fields) {
            if (!Double.isFinite(f.value())) {
                return new Rejection(RejectReason.NON_FINITE_VALUE, line, "field '" + f.name() + "' is " + f.value() + ", expected a finite number");
            }
        }
        return window.check(point.timestampNanos(), nowNanos, line);
    }

    /** @return the rejection for the first name or tag value holding a control character, or null */
    private static Rejection controlCharacter(Point point, long line) {
        Rejection found = controlIn(point.measurement(), "measurement", line);
        if (found == null) found = controlIn(point.region(), "region", line);
        if (found == null) found = controlIn(point.host(), "host", line);
        if (found == null) found = controlIn(point.drive(), "drive", line);
        for (int i = 0; found == null && i < point.tags().size(); i++) {
            Tag tag = point.tags().get(i);
            found = controlIn(tag.key(), "tag key", line);
            if (found == null) found = controlIn(tag.value(), "value of tag '" + printable(tag.key()) + "'", line);
        }
        for (int i = 0; found == null && i < point.fields().size(); i++) {
            found = controlIn(point.fields().get(i).name(), "field name", line);
        }
        return found;
    }

    private static Rejection controlIn(String text, String what, long line) {
        int at = ControlCharacters.firstIn(text);
        if (at == ControlCharacters.NONE) return null;
        return new Rejection(RejectReason.CONTROL_CHARACTER, line, what + " '" + printable(text) + "' holds the control character "
                + ControlCharacters.codePoint(text.charAt(at)) + " at character " + (at + 1) + "; names and tag values must be printable");
    }

    private static String printable(String text) {
        return ControlCharacters.printable(text, 64);
    }
}
