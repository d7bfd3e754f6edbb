package io.harbinger.core.admit;

/** UTF-8 sizes of names and values, for the {@link IngestLimits#maxNameBytes()} limit. */
public final class Utf8 {
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
}
