package io.harbinger.core.parse;

import io.harbinger.core.text.ControlCharacters;

/**
 * One refused piece of input.
 *
 * @param line   1-based line (or record/series index for binary formats); 0 when the whole input is refused
 * @param detail what was wrong and what was expected, naming the column or field, for a human; made one
 *               printable line of about {@link #MAX_DETAIL_CHARS} characters at most here, whoever built it, since
 *               details quote input (names, library error messages) and are shown in 400 bodies and logs
 */
public record Rejection(RejectReason reason, long line, String detail) {
    public static final int MAX_DETAIL_CHARS = 1000;

    public Rejection {
        if (reason == null) throw new IllegalArgumentException("reason must be non-null");
        if (line < 0) throw new IllegalArgumentException("line must be >= 0, got " + line);
        if (detail == null || detail.isEmpty()) throw new IllegalArgumentException("detail must be non-empty");
        detail = ControlCharacters.printable(detail, MAX_DETAIL_CHARS);
    }

    public static Rejection whole(RejectReason reason, String detail) {
        return new Rejection(reason, 0, detail);
    }

    /** e.g. {@code line 3: non_finite_value: field 'temp' is NaN} */
    public String describe() {
        return (line > 0 ? "line " + line + ": " : "") + reason.label() + ": " + detail;
    }
}
