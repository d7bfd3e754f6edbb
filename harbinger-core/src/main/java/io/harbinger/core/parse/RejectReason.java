package io.harbinger.core.parse;

/** Why input was refused. {@link #label()} is the value of the {@code reason} metric tag. */
public enum RejectReason {
    MALFORMED("malformed"),
    LINE_TOO_LONG("line_too_long"),
    TOO_MANY_TAGS("too_many_tags"),
    TOO_MANY_FIELDS("too_many_fields"),
    NO_FIELDS("no_fields"),
    NON_FINITE_VALUE("non_finite_value"),
    TIMESTAMP_TOO_OLD("timestamp_too_old"),
    TIMESTAMP_TOO_NEW("timestamp_too_new"),
    INVALID_UTF8("invalid_utf8"),
    /** A name or tag value holds a control character (NUL, tab, escape, ...); see {@link io.harbinger.core.text.ControlCharacters}. */
    CONTROL_CHARACTER("control_character"),
    MISSING_HOST("missing_host"),
    MISSING_DRIVE("missing_drive"),
    UNSUPPORTED("unsupported"),
    BAD_ENCODING("bad_encoding");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
