package io.harbinger.store.rows;

/**
 * Builds the small JSON objects the rows carry in {@code jsonb} columns. PostgreSQL's jsonb refuses
 * {@code \u0000}, so NUL characters become U+FFFD; non-finite numbers (which admission normally
 * refuses) become {@code null}; whole numbers print without a fraction.
 */
final class JsonbText {
    private final StringBuilder out = new StringBuilder(64).append('{');
    private boolean empty = true;

    JsonbText number(String key, double value) {
        key(key);
        appendNumber(out, value);
        return this;
    }

    JsonbText string(String key, String value) {
        key(key);
        appendString(out, value);
        return this;
    }

    boolean isEmpty() {
        return empty;
    }

    /** The object's text, e.g. {@code {"cpu":"cpu0"}}. */
    String text() {
        return out.toString() + '}';
    }

    private void key(String key) {
        if (!empty) out.append(',');
        empty = false;
        appendString(out, key);
        out.append(':');
    }

    static void appendNumber(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            out.append((long) value);
        } else {
            out.append(value); // Double.toString: digits, '.', optional E exponent: valid JSON
        }
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u0000' -> out.append('\uFFFD');
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
