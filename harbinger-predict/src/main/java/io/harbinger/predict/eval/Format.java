package io.harbinger.predict.eval;

import java.util.Locale;

/** Fixed-decimal, locale-independent number formatting and escaping for the report and the plot. */
final class Format {
    static final String NOT_AVAILABLE = "n/a";

    private Format() {
    }

    /** A rate or probability: 4 decimals, {@code n/a} when undefined. */
    static String rate(double value) {
        return fixed(value, 4);
    }

    /** Days (lead-time statistics): 1 decimal, {@code n/a} when undefined. */
    static String days(double value) {
        return fixed(value, 1);
    }

    /** {@code value [lo, hi]} with {@code decimals} decimals; the interval is left out when undefined. */
    static String withInterval(double value, Interval interval, int decimals) {
        if (!interval.isDefined()) return fixed(value, decimals);
        return fixed(value, decimals) + " [" + fixed(interval.lo(), decimals) + ", " + fixed(interval.hi(), decimals) + "]";
    }

    /** A rate with its interval, 4 decimals. */
    static String rate(double value, Interval interval) {
        return withInterval(value, interval, 4);
    }

    /** Days with their interval, 1 decimal. */
    static String days(double value, Interval interval) {
        return withInterval(value, interval, 1);
    }

    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) return NOT_AVAILABLE;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Text on one Markdown line: line breaks become spaces, {@code <} and {@code &} are escaped. */
    static String inline(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replaceAll("\\R", " ");
    }

    /** Text in a Markdown table cell: as {@link #inline}, with {@code |} escaped. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
