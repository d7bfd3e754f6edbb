package io.harbinger.core.parse;

/**
 * One refused piece of input.
 *
 * @param line   1-based line (or record/series index for binary formats); 0 when the whole input is refused
 * @param detail what was wrong and what was expected, naming the column or field, for a human
 */
public record Rejection(RejectReason reason, long line, String detail) {
    public Rejection {
        if (reason == null) throw new IllegalArgumentException("reason must be non-null");
        if (line < 0) throw new IllegalArgumentException("line must be >= 0, got " + line);
        if (detail == null || detail.isEmpty()) throw new IllegalArgumentException("detail must be non-empty");
    }

    public static Rejection whole(RejectReason reason, String detail) {
        return new Rejection(reason, 0, detail);
    }

    /** e.g. {@code line 3: non_finite_value: field 'temp' is NaN} */
    public String describe() {
        return (line > 0 ? "line " + line + ": " : "") + reason.label() + ": " + detail;
    }
}
