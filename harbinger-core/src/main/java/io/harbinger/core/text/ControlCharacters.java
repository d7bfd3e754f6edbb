package io.harbinger.core.text;

/**
 * Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) in names and tag values.
 * They are refused at ingest because a name ends up as a host, drive or series identity shown in the
 * API, the dashboard, alert texts and logs, where a NUL or an escape sequence truncates the text,
 * corrupts a terminal or splits a log line; no agent sends one on purpose.
 */
public final class ControlCharacters {
    /** What {@link #firstIn} answers when there is none. */
    public static final int NONE = -1;

    private ControlCharacters() {
    }

    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** @return the index of the first control character in {@code s}, or {@link #NONE} */
    public static int firstIn(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) return i;
        }
        return NONE;
    }

    /**
     * The first control character in the UTF-8 bytes {@code b[from, to)}, which must be well-formed
     * (C1 controls are the two-byte sequences {@code C2 80} to {@code C2 9F}).
     *
     * @return its byte index, or {@link #NONE}
     */
    public static int firstIn(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 || c == 0x7F) return i;
            if (c == 0xC2 && i + 1 < to && (b[i + 1] & 0xFF) <= 0x9F) return i;
        }
        return NONE;
    }

    /**
     * {@code text} as a rejection detail may quote it: each control character written as a backslash,
     * {@code u} and four hex digits, and cut with {@code ...} once the result reaches {@code maxChars}
     * (so it is at most {@code maxChars + 8} long), so a detail stays one short printable line in a 400
     * body and a log.
     */
    public static String printable(String text, int maxChars) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= maxChars) return sb.append("...").toString();
            char c = text.charAt(i);
            if (isControl(c)) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** {@code U+0000}: how a detail names the character without printing it. */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
