package io.harbinger.core.text;

/**
 * UTF-8: sizes of names and values (for the ingest limits on name bytes), and strict validation
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) that never decodes.
 */
public final class Utf8 {
    /** What {@link #firstInvalid} answers for valid UTF-8. */
    public static final int VALID = -1;

    private Utf8() {
    }

    /** The number of bytes {@code s} takes in UTF-8 (an unpaired surrogate counts as the 3 bytes of its replacement). */
    public static int length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes++;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }

    /** Whether {@code s} takes more than {@code maxBytes} in UTF-8, counting bytes only when the char count cannot tell. */
    public static boolean longerThan(String s, int maxBytes) {
        int n = s.length();
        if (n > maxBytes) return true;
        if ((long) n * 3 <= maxBytes) return false; // fits even if every char took 3 bytes (a surrogate pair: 4 for 2)
        return length(s) > maxBytes;
    }

    /** @return the index where the first invalid sequence starts, or {@link #VALID} (-1) */
    public static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length = sequenceLength(b, i, to, lead);
            if (length == 0) return i;
            i += length;
        }
        return VALID;
    }

    /** @return the length of the well-formed sequence starting at {@code i}, or 0 */
    private static int sequenceLength(byte[] b, int i, int to, int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continuation(b, i + 1, to, 0x80, 0xBF) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int min = lead == 0xE0 ? 0xA0 : 0x80;  // E0: no overlong forms
            int max = lead == 0xED ? 0x9F : 0xBF;  // ED: no surrogates
            return continuation(b, i + 1, to, min, max) && continuation(b, i + 2, to, 0x80, 0xBF) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int min = lead == 0xF0 ? 0x90 : 0x80;  // F0: no overlong forms
            int max = lead == 0xF4 ? 0x8F : 0xBF;  // F4: nothing above U+10FFFF
            return continuation(b, i + 1, to, min, max) && continuation(b, i + 2, to, 0x80, 0xBF)
                    && continuation(b, i + 3, to, 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte[] b, int i, int to, int min, int max) {
        if (i >= to) return false;
        int c = b[i] & 0xFF;
        return c >= min && c <= max;
    }
}
