package io.harbinger.simulate.fleet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic JSON text: object keys sorted, numbers with {@value #DIGITS} significant digits in plain
 * notation, objects one key a line, arrays on one line. The same tree always gives the same bytes, so a
 * refit of the same data reproduces the shipped file exactly.
 */
final class JsonText {
    static final int DIGITS = 7;
    private static final MathContext ROUND = new MathContext(DIGITS);

    private JsonText() {
    }

    static String write(Map<String, ?> root) {
        StringBuilder out = new StringBuilder();
        value(out, root, 0);
        return out.append('\n').toString();
    }

    /** {@code v} as written (and so as read back). */
    static double rounded(double v) {
        return Double.parseDouble(number(v));
    }

    private static void value(StringBuilder out, Object v, int indent) {
        switch (v) {
            case Map<?, ?> m -> object(out, m, indent);
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) out.append(l.get(i) instanceof Map<?, ?> ? ",\n" + "  ".repeat(indent + 1) : ",");
                    else if (l.get(i) instanceof Map<?, ?>) out.append('\n').append("  ".repeat(indent + 1));
                    value(out, l.get(i), indent + 1);
                }
                out.append(']');
            }
            case double[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) out.append(i > 0 ? "," : "").append(number(a[i]));
                out.append(']');
            }
            case long[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) out.append(i > 0 ? "," : "").append(a[i]);
                out.append(']');
            }
            case String s -> string(out, s);
            case Double d -> out.append(number(d));
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            default -> throw new IllegalArgumentException("no JSON form for " + v.getClass());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> m, int indent) {
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, v) -> sorted.put((String) k, v));
        out.append("{\n");
        int n = 0;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            out.append("  ".repeat(indent + 1));
            string(out, e.getKey());
            out.append(": ");
            value(out, e.getValue(), indent + 1);
            out.append(++n < sorted.size() ? ",\n" : "\n");
        }
        out.append("  ".repeat(indent)).append('}');
    }

    static String number(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON has no form for " + v);
        if (v == 0) return "0";
        String s = new BigDecimal(v).round(ROUND).stripTrailingZeros().toPlainString();
        return s;
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
