package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;

/**
 * Writes points back as line protocol (region and host as tags, nanosecond timestamp), escaping as
 * {@link LineProtocolParser} unescapes, so a parsed point can be checked to round-trip.
 */
final class LineProtocolEncoder {
    private LineProtocolEncoder() {
    }

    static String line(Point p) {
        StringBuilder sb = new StringBuilder();
        escape(sb, p.measurement(), true);
        tag(sb, "region", p.region());
        tag(sb, "host", p.host());
        for (Tag t : p.tags()) tag(sb, t.key(), t.value());
        char separator = ' ';
        for (Field f : p.fields()) {
            sb.append(separator);
            escape(sb, f.name(), false);
            sb.append('=').append(Double.toString(f.value()).replace('E', 'e'));
            separator = ',';
        }
        return sb.append(' ').append(p.timestampNanos()).toString();
    }

    private static void tag(StringBuilder sb, String key, String value) {
        sb.append(',');
        escape(sb, key, false);
        sb.append('=');
        escape(sb, value, false);
    }

    /** Backslash before ',', ' ' and '\' everywhere, and before '=' outside the measurement. */
    private static void escape(StringBuilder sb, String s, boolean measurement) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || c == '\\' || (c == '=' && !measurement)) sb.append('\\');
            sb.append(c);
        }
    }
}
